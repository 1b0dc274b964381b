//! Notice version 2, English: the text shown today. Facts from Microsoft's public
//! article on LinkedIn account connections (user consent and data sharing); the wording
//! is ours. Where the article gives examples ("like", "such as", "for example") so does
//! this text; nothing here is claimed beyond the article or more strongly than it.

use super::links::LinkKey;
use super::text::*;
use crate::{Category, Choice, Direction};
use std::borrow::Cow;

/// Under "both ways" and "LinkedIn data only" alike.
const LINKEDIN_TO_MICROSOFT: Point = Point {
    mark: Mark::Flows(Direction::LinkedinToMicrosoft),
    text: "Microsoft gets your LinkedIn profile, interests, subscriptions and connections.",
};

const CONTACTS_KEPT: &str = "LinkedIn keeps your contacts until you remove them.";

pub(super) static NOTICE: Notice = Notice {
    id: super::NOTICE_ID,
    ver: 2,
    lang: "en",
    prompt: PromptText {
        title: "Connect your work account with LinkedIn?",
        intro: "Once you connect your Microsoft work or school account with your LinkedIn account, \
                some Microsoft apps, such as the profile card, can show information from LinkedIn. \
                You choose what each side gets.",
        choices_label: "How do you want to connect?",
        choices: [
            ChoiceText {
                choice: Choice::BothWays,
                label: "Connect both ways",
                points: &[
                    LINKEDIN_TO_MICROSOFT,
                    Point {
                        mark: Mark::Flows(Direction::MicrosoftToLinkedin),
                        text: "LinkedIn gets your Microsoft profile, calendar, interests, subscriptions \
                               and contacts, to improve and enrich your networking experience on LinkedIn.",
                    },
                    Point {
                        mark: Mark::Note,
                        text: CONTACTS_KEPT,
                    },
                ],
            },
            ChoiceText {
                choice: Choice::LinkedinOnly,
                label: "LinkedIn data only",
                points: &[
                    LINKEDIN_TO_MICROSOFT,
                    Point {
                        mark: Mark::Stops(Direction::MicrosoftToLinkedin),
                        text: "LinkedIn gets no data from your Microsoft account.",
                    },
                ],
            },
            ChoiceText {
                choice: Choice::NotNow,
                label: "Not now",
                points: &[Point {
                    mark: Mark::Note,
                    text: "Your accounts stay unconnected: you give neither side access to data \
                           from the other. You can connect later.",
                }],
            },
        ],
        facts_heading: "Before you choose",
        facts: [
            Fact {
                text: "Microsoft services don't keep data from LinkedIn permanently. LinkedIn doesn't \
                       keep data from your Microsoft account permanently, except your contacts: they \
                       stay on LinkedIn until you remove them.",
                link: LinkKey::RemoveContacts,
            },
            Fact {
                text: "For LinkedIn's services, data transfer and storage, data can flow from the \
                       European Union to the United States and back. LinkedIn describes how your \
                       privacy is protected in these transfers.",
                link: LinkKey::EuTransfer,
            },
            Fact {
                text: "You can disconnect and remove these permissions at any time. On LinkedIn you \
                       control how your own profile is viewed, including whether it can be viewed in \
                       Microsoft apps.",
                link: LinkKey::ProfileVisibility,
            },
        ],
        details_heading: "What each kind of data includes",
        directions: [
            DirectionText {
                direction: Direction::LinkedinToMicrosoft,
                heading: "From LinkedIn to your Microsoft account",
                when: "With either way of connecting.",
                categories: &[
                    CategoryText {
                        category: Category::Profile,
                        name: "Profile",
                        includes: "Your LinkedIn identity, your contact information, and what you share \
                                   with others on your LinkedIn profile.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Interests,
                        name: "Interests",
                        includes: "Your interests on LinkedIn, for example people and topics you follow, \
                                   courses, groups, and content you like and share.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Subscriptions,
                        name: "Subscriptions",
                        includes: "Your subscriptions to LinkedIn apps and services, with the data that \
                                   goes with them.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Connections,
                        name: "Connections",
                        includes: "Your LinkedIn network, including the profiles and contact information \
                                   of your 1st-degree connections.",
                        notes: &["Your connections' profiles and contact information are other people's data."],
                    },
                ],
            },
            DirectionText {
                direction: Direction::MicrosoftToLinkedin,
                heading: "From your Microsoft account to LinkedIn",
                when: "Only if you connect both ways.",
                categories: &[
                    CategoryText {
                        category: Category::Profile,
                        name: "Profile",
                        includes: "Information such as your first and last name, profile photo, email \
                                   address, your manager and the people you manage.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Calendar,
                        name: "Calendar",
                        includes: "The meetings in your calendars, with their times, their locations and \
                                   the attendees' contact information.",
                        notes: &[
                            "The attendees' contact information is other people's data.",
                            "Not included: information about the meeting itself, such as its title, \
                             agenda or content.",
                        ],
                    },
                    CategoryText {
                        category: Category::Interests,
                        name: "Interests",
                        includes: "Interests associated with your account, inferred from your use of \
                                   Microsoft services such as Cortana and Bing for Business.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Subscriptions,
                        name: "Subscriptions",
                        includes: "Subscriptions your organization provides to Microsoft apps and services, \
                                   such as Office 365.",
                        notes: &[],
                    },
                    CategoryText {
                        category: Category::Contacts,
                        name: "Contacts",
                        includes: "Contact lists in Outlook, Skype and other Microsoft account services, \
                                   including the contact information of people you often communicate or \
                                   work with.",
                        notes: &[
                            "These contacts are other people's data.",
                            "LinkedIn periodically imports and stores them, and uses them, for example, \
                             to suggest connections, help organize contacts and show updates about \
                             contacts. They stay on LinkedIn until you remove them.",
                        ],
                    },
                ],
            },
        ],
        links_heading: "Learn more",
        learn_more: [
            LinkKey::MicrosoftPrivacy,
            LinkKey::LinkedinPrivacy,
            LinkKey::Help,
            LinkKey::LinkedinHelp,
        ],
    },
    manage: ManageText {
        title: "Your LinkedIn connection",
        status_both_ways: "Connected both ways: Microsoft gets your LinkedIn data, and LinkedIn gets \
                           data from your Microsoft account.",
        status_linkedin_only: "Connected for LinkedIn data only: Microsoft gets your LinkedIn data, and \
                               LinkedIn gets no data from your Microsoft account.",
        status_not_connected: "Your Microsoft account and your LinkedIn account are not connected.",
        stops_both_ways: "Disconnect withdraws both permissions at once: from then on, Microsoft gets \
                          no more of your LinkedIn data, and LinkedIn gets no more data from your \
                          Microsoft account.",
        stops_linkedin_only: "Disconnect withdraws your permission at once: from then on, Microsoft \
                              gets no more of your LinkedIn data.",
        contacts_stay: Fact {
            text: "Contacts LinkedIn has already imported stay on LinkedIn until you remove them \
                   there.",
            link: LinkKey::RemoveContacts,
        },
        on_linkedin: [
            Fact {
                text: "On LinkedIn you can also control how your own profile is viewed, including \
                       whether it can be viewed in Microsoft apps.",
                link: LinkKey::ProfileVisibility,
            },
            Fact {
                text: "LinkedIn's help describes how your LinkedIn account accesses data from your \
                       Microsoft work or school account.",
                link: LinkKey::LinkedinHelp,
            },
        ],
        disconnect: "Disconnect",
        connect: "Connect accounts",
        close: "Close",
    },
    links: [
        LinkText {
            key: LinkKey::MicrosoftPrivacy,
            label: "Microsoft Privacy Statement: how Microsoft uses personal data",
            href: Cow::Borrowed("https://privacy.microsoft.com/privacystatement/"),
        },
        LinkText {
            key: LinkKey::LinkedinPrivacy,
            label: "LinkedIn Privacy Policy: how LinkedIn uses personal data",
            href: Cow::Borrowed("https://www.linkedin.com/legal/privacy-policy"),
        },
        LinkText {
            key: LinkKey::EuTransfer,
            label: "European Union data transfers (LinkedIn help)",
            href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/62533"),
        },
        LinkText {
            key: LinkKey::RemoveContacts,
            label: "Remove imported contacts from LinkedIn (LinkedIn help)",
            href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/43377"),
        },
        LinkText {
            key: LinkKey::ProfileVisibility,
            label: "Control how your LinkedIn profile is viewed (LinkedIn help)",
            href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/83"),
        },
        LinkText {
            key: LinkKey::LinkedinHelp,
            label: "LinkedIn in Microsoft apps with your work or school account (LinkedIn help)",
            href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/84077"),
        },
        LinkText {
            key: LinkKey::Help,
            label: "LinkedIn information in Microsoft apps and services: questions and answers",
            href: Cow::Borrowed(
                "https://support.office.com/article/about-linkedin-information-and-features-in-microsoft-apps-and-services-dc81cc70-4d64-4755-9f1c-b9536e34d381",
            ),
        },
    ],
    unavailable: UnavailableText {
        policy_off: "Your organization has turned off LinkedIn account connections. Whether you can \
                     connect is up to your organization's admin.",
        not_in_group: "Your organization has turned on LinkedIn account connections for selected \
                       people only. Whether you can connect is up to your organization's admin.",
    },
    changes: ChangesText {
        heading: "What changed since you last chose",
        since: &[(
            1,
            "We now say more precisely what each side gets: the lists are examples, your calendar \
             and contacts include other people's data, LinkedIn uses your Microsoft data to improve \
             your networking experience, and data can flow between the EU and the US for LinkedIn's \
             services.",
        )],
        unknown: "This notice has changed since you last chose, so please choose again.",
    },
    status: StatusText {
        sending: "Recording your choice…",
        queued: "Your choice is saved on this device and will be recorded when the connection is back.",
        recorded: "Your choice is recorded: {choice}.",
        withdrawn: "Recorded: your accounts are disconnected.",
        not_recorded: "Your choice was not recorded: {reason}",
        try_again: "Try again",
        dismiss: "Dismiss",
        recorded_on: "Recorded on {date}.",
        reasons: ReasonText {
            unreachable: "the consent service could not be reached. Check your connection and try again.",
            refused: "the consent service did not accept it. Please choose again.",
            notice_changed: "this notice has changed. Please read it again and choose.",
            signing: "this browser could not sign your choice.",
            expired: "the request expired. Please choose again.",
        },
    },
};
