//! English. Facts from the public description of LinkedIn account connections;
//! the wording is ours.

use super::*;

pub(super) static NOTICE: Notice = Notice {
    id: NOTICE_ID,
    ver: NOTICE_VERSION,
    lang: "en",
    prompt: PromptText {
        title: "Connect your work account with LinkedIn?",
        intro: "See LinkedIn information about the people you work with, right in your Microsoft apps. \
                Choose how your Microsoft work or school account and your LinkedIn account share data. \
                You can change your mind at any time.",
        choices_label: "How do you want to connect?",
        choices: [
            ChoiceText {
                choice: Choice::BothWays,
                label: "Connect both ways",
                summary: "Your Microsoft apps show LinkedIn data, and LinkedIn gets data from your Microsoft account.",
            },
            ChoiceText {
                choice: Choice::LinkedinOnly,
                label: "LinkedIn data only",
                summary: "Your Microsoft apps show LinkedIn data. Nothing is sent to LinkedIn.",
            },
            ChoiceText {
                choice: Choice::NotNow,
                label: "Not now",
                summary: "Nothing is connected. You can connect later.",
            },
        ],
        flows_yes: "shared",
        flows_no: "not shared",
        data_heading: "What is shared",
        directions: [
            DirectionText {
                direction: Direction::LinkedinToMicrosoft,
                heading: "From LinkedIn to your Microsoft account",
                short: "LinkedIn to Microsoft",
                when: "Shared with either way of connecting.",
                categories: &[
                    CategoryText {
                        category: Category::Profile,
                        name: "Profile",
                        includes: "Your LinkedIn identity, your contact details and what you share on your LinkedIn profile.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Interests,
                        name: "Interests",
                        includes: "People and topics you follow, your courses and groups, and content you like or share.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Subscriptions,
                        name: "Subscriptions",
                        includes: "Your subscriptions to LinkedIn apps and services, and the data that comes with them.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Connections,
                        name: "Connections",
                        includes: "Your LinkedIn network: the profiles and contact details of your 1st-degree connections.",
                        note: None,
                    },
                ],
            },
            DirectionText {
                direction: Direction::MicrosoftToLinkedin,
                heading: "From your Microsoft account to LinkedIn",
                short: "Microsoft to LinkedIn",
                when: "Shared only if you connect both ways.",
                categories: &[
                    CategoryText {
                        category: Category::Profile,
                        name: "Profile",
                        includes: "Your first and last name, profile photo and email address, your manager and the people who report to you.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Calendar,
                        name: "Calendar",
                        includes: "Your meetings, when and where they take place, and the contact details of the people attending.",
                        note: Some("Not shared: meeting titles, agendas or anything said or written in them."),
                    },
                    CategoryText {
                        category: Category::Interests,
                        name: "Interests",
                        includes: "Interests worked out from how you use Microsoft services, such as Cortana or Bing for Business.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Subscriptions,
                        name: "Subscriptions",
                        includes: "Subscriptions your organization gives you, such as Office 365.",
                        note: None,
                    },
                    CategoryText {
                        category: Category::Contacts,
                        name: "Contacts",
                        includes: "Your contact lists in Outlook, Skype and other services, including people you often work with.",
                        note: Some("LinkedIn imports them from time to time, keeps them, and uses them to suggest connections, organize your contacts and show you their updates."),
                    },
                ],
            },
        ],
        retention_heading: "How long data is kept",
        retention: &[
            "Microsoft services do not keep LinkedIn data permanently.",
            "LinkedIn does not keep Microsoft data permanently, except your contacts: they stay on LinkedIn until you remove them there.",
        ],
        transfer: "Your data may be transferred between the European Union and the United States.",
        change_mind: "You can disconnect and withdraw these permissions whenever you like.",
        links_heading: "Learn more",
    },
    manage: ManageText {
        title: "Your LinkedIn connection",
        status_both_ways: "Connected both ways: your Microsoft apps show LinkedIn data, and LinkedIn gets data from your Microsoft account.",
        status_linkedin_only: "Connected for LinkedIn data only: your Microsoft apps show LinkedIn data, and nothing is sent to LinkedIn.",
        status_not_connected: "Your work account and your LinkedIn account are not connected.",
        disconnect_both_ways: "You gave permissions on both sides. To disconnect completely, disconnect here and also remove the connection in your LinkedIn settings.",
        disconnect_linkedin_only: "Your permission is held on the LinkedIn side: removing it in your LinkedIn settings is enough. Disconnecting here records that you withdrew it.",
        imported_contacts: "Disconnecting does not delete contacts LinkedIn has already imported. Remove them on LinkedIn.",
        disconnect: "Disconnect",
        connect: "Connect accounts",
        close: "Close",
    },
    links: LinkLabels {
        microsoft_privacy: "Microsoft privacy statement",
        linkedin_privacy: "LinkedIn privacy policy",
        eu_transfer: "How LinkedIn transfers data out of the EU",
        help: "Help and frequently asked questions",
        remove_contacts: "Remove imported contacts from LinkedIn",
    },
    unavailable: UnavailableText {
        policy_off: "Your organization has turned off LinkedIn account connections.",
        not_in_group: "Your organization has turned on LinkedIn account connections for selected people only.",
    },
};
