//! The widget's components, each named for what the user sees.

mod category_details;
mod choice_list;
mod consent_dialog;
mod consent_prompt;
mod decision_status;
mod element_ref;
mod external_link;
mod ids;
mod key_facts;
mod learn_more_links;
mod manage_connection;
mod notice_prop;
mod record_events;
mod user_input;

pub use consent_dialog::ConsentDialog;
pub use consent_prompt::{consent_prompt, ConsentPromptProps};
pub use decision_status::{decision_status, DecisionStatusProps};
pub use element_ref::use_element_ref;
pub use manage_connection::{manage_connection, ManageConnectionProps};
pub use notice_prop::{shown_notice, NoticeProp};
pub use record_events::{use_record, RecordAction};
