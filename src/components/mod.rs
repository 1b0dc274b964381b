//! The widget's components, each named for what the user sees.

mod choice_list;
mod consent_dialog;
mod consent_prompt;
mod data_flows;
mod ids;
mod learn_more_links;
mod manage_connection;
mod notice_prop;
mod retention_facts;
mod user_input;

pub use consent_dialog::ConsentDialog;
pub use consent_prompt::ConsentPrompt;
pub use manage_connection::ManageConnection;
pub use notice_prop::NoticeProp;
