//! The catalogue entry a component renders, passed as a prop.

use consent_core::catalogue::Notice;

/// A catalogue entry as a prop: notices are `'static`, so identity is equality.
#[derive(Clone, Copy)]
pub struct NoticeProp(pub &'static Notice);

impl PartialEq for NoticeProp {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for NoticeProp {
    type Target = Notice;
    fn deref(&self) -> &Notice {
        self.0
    }
}
