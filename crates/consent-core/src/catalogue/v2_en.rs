//! Notice version 2, English: the text shown today. Facts from Microsoft's public
//! article on LinkedIn account connections (user consent and data sharing); the wording
//! is ours. Where the article gives examples ("like", "such as", "for example") so does
//! this text; nothing here is claimed beyond the article or more strongly than it.

use super::links::LinkKey;
use super::text::*;
use crate::{Category, Choice, Direction};
use std::borrow::Cow;

/// Version 2 written once: `$t` is applied to every string the notice shows (not to
/// ids, versions or link targets), so the same source gives the English notice and
/// its shape without text, which is all a widget needs (it gets the text of the
/// reader's locale from its backend).
macro_rules! notice_v2 {
    ($t:ident) => {{
        /// Under "both ways" and "LinkedIn data only" alike.
        const LINKEDIN_TO_MICROSOFT: Point = Point {
            mark: Mark::Flows(Direction::LinkedinToMicrosoft),
            text: $t!("Microsoft gets your LinkedIn profile, interests, subscriptions and connections."),
        };

        const CONTACTS_KEPT: &str = $t!("LinkedIn keeps your contacts until you remove them.");

        Notice {
            id: super::NOTICE_ID,
            ver: 2,
            lang: "en",
            prompt: PromptText {
                title: $t!("Connect your work account with LinkedIn?"),
                intro: $t!("Once you connect your Microsoft work or school account with your LinkedIn account, \
                        some Microsoft apps, such as the profile card, can show information from LinkedIn. \
                        You choose what each side gets."),
                choices_label: $t!("How do you want to connect?"),
                choices: [
                    ChoiceText {
                        choice: Choice::BothWays,
                        label: $t!("Connect both ways"),
                        points: &[
                            LINKEDIN_TO_MICROSOFT,
                            Point {
                                mark: Mark::Flows(Direction::MicrosoftToLinkedin),
                                text: $t!("LinkedIn gets your Microsoft profile, calendar, interests, subscriptions \
                                       and contacts, to improve and enrich your networking experience on LinkedIn."),
                            },
                            Point {
                                mark: Mark::Note,
                                text: CONTACTS_KEPT,
                            },
                        ],
                    },
                    ChoiceText {
                        choice: Choice::LinkedinOnly,
                        label: $t!("LinkedIn data only"),
                        points: &[
                            LINKEDIN_TO_MICROSOFT,
                            Point {
                                mark: Mark::Stops(Direction::MicrosoftToLinkedin),
                                text: $t!("LinkedIn gets no data from your Microsoft account."),
                            },
                        ],
                    },
                    ChoiceText {
                        choice: Choice::NotNow,
                        label: $t!("Not now"),
                        points: &[Point {
                            mark: Mark::Note,
                            text: $t!("Your accounts stay unconnected: you give neither side access to data \
                                   from the other. You can connect later."),
                        }],
                    },
                ],
                facts_heading: $t!("Before you choose"),
                facts: [
                    Fact {
                        text: $t!("Microsoft services don't keep data from LinkedIn permanently. LinkedIn doesn't \
                               keep data from your Microsoft account permanently, except your contacts: they \
                               stay on LinkedIn until you remove them."),
                        link: LinkKey::RemoveContacts,
                    },
                    Fact {
                        text: $t!("For LinkedIn's services, data transfer and storage, data can flow from the \
                               European Union to the United States and back. LinkedIn describes how your \
                               privacy is protected in these transfers."),
                        link: LinkKey::EuTransfer,
                    },
                    Fact {
                        text: $t!("You can disconnect and remove these permissions at any time. On LinkedIn you \
                               control how your own profile is viewed, including whether it can be viewed in \
                               Microsoft apps."),
                        link: LinkKey::ProfileVisibility,
                    },
                ],
                details_heading: $t!("What each kind of data includes"),
                directions: [
                    DirectionText {
                        direction: Direction::LinkedinToMicrosoft,
                        heading: $t!("From LinkedIn to your Microsoft account"),
                        when: $t!("With either way of connecting."),
                        categories: &[
                            CategoryText {
                                category: Category::Profile,
                                name: $t!("Profile"),
                                includes: $t!("Your LinkedIn identity, your contact information, and what you share \
                                           with others on your LinkedIn profile."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Interests,
                                name: $t!("Interests"),
                                includes: $t!("Your interests on LinkedIn, for example people and topics you follow, \
                                           courses, groups, and content you like and share."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Subscriptions,
                                name: $t!("Subscriptions"),
                                includes: $t!("Your subscriptions to LinkedIn apps and services, with the data that \
                                           goes with them."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Connections,
                                name: $t!("Connections"),
                                includes: $t!("Your LinkedIn network, including the profiles and contact information \
                                           of your 1st-degree connections."),
                                notes: &[$t!("Your connections' profiles and contact information are other people's data.")],
                            },
                        ],
                    },
                    DirectionText {
                        direction: Direction::MicrosoftToLinkedin,
                        heading: $t!("From your Microsoft account to LinkedIn"),
                        when: $t!("Only if you connect both ways."),
                        categories: &[
                            CategoryText {
                                category: Category::Profile,
                                name: $t!("Profile"),
                                includes: $t!("Information such as your first and last name, profile photo, email \
                                           address, your manager and the people you manage."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Calendar,
                                name: $t!("Calendar"),
                                includes: $t!("The meetings in your calendars, with their times, their locations and \
                                           the attendees' contact information."),
                                notes: &[
                                    $t!("The attendees' contact information is other people's data."),
                                    $t!("Not included: information about the meeting itself, such as its title, \
                                     agenda or content."),
                                ],
                            },
                            CategoryText {
                                category: Category::Interests,
                                name: $t!("Interests"),
                                includes: $t!("Interests associated with your account, inferred from your use of \
                                           Microsoft services such as Cortana and Bing for Business."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Subscriptions,
                                name: $t!("Subscriptions"),
                                includes: $t!("Subscriptions your organization provides to Microsoft apps and services, \
                                           such as Office 365."),
                                notes: &[],
                            },
                            CategoryText {
                                category: Category::Contacts,
                                name: $t!("Contacts"),
                                includes: $t!("Contact lists in Outlook, Skype and other Microsoft account services, \
                                           including the contact information of people you often communicate or \
                                           work with."),
                                notes: &[
                                    $t!("These contacts are other people's data."),
                                    $t!("LinkedIn periodically imports and stores them, and uses them, for example, \
                                     to suggest connections, help organize contacts and show updates about \
                                     contacts. They stay on LinkedIn until you remove them."),
                                ],
                            },
                        ],
                    },
                ],
                links_heading: $t!("Learn more"),
                learn_more: [
                    LinkKey::MicrosoftPrivacy,
                    LinkKey::LinkedinPrivacy,
                    LinkKey::Help,
                    LinkKey::LinkedinHelp,
                ],
            },
            manage: ManageText {
                title: $t!("Your LinkedIn connection"),
                status_both_ways: $t!("Connected both ways: Microsoft gets your LinkedIn data, and LinkedIn gets \
                                   data from your Microsoft account."),
                status_linkedin_only: $t!("Connected for LinkedIn data only: Microsoft gets your LinkedIn data, and \
                                       LinkedIn gets no data from your Microsoft account."),
                status_not_connected: $t!("Your Microsoft account and your LinkedIn account are not connected."),
                stops_both_ways: $t!("Disconnect withdraws both permissions at once: from then on, Microsoft gets \
                                  no more of your LinkedIn data, and LinkedIn gets no more data from your \
                                  Microsoft account."),
                stops_linkedin_only: $t!("Disconnect withdraws your permission at once: from then on, Microsoft \
                                      gets no more of your LinkedIn data."),
                contacts_stay: Fact {
                    text: $t!("Contacts LinkedIn has already imported stay on LinkedIn until you remove them \
                           there."),
                    link: LinkKey::RemoveContacts,
                },
                on_linkedin: [
                    Fact {
                        text: $t!("On LinkedIn you can also control how your own profile is viewed, including \
                               whether it can be viewed in Microsoft apps."),
                        link: LinkKey::ProfileVisibility,
                    },
                    Fact {
                        text: $t!("LinkedIn's help describes how your LinkedIn account accesses data from your \
                               Microsoft work or school account."),
                        link: LinkKey::LinkedinHelp,
                    },
                ],
                disconnect: $t!("Disconnect"),
                connect: $t!("Connect accounts"),
                close: $t!("Close"),
            },
            links: [
                LinkText {
                    key: LinkKey::MicrosoftPrivacy,
                    label: $t!("Microsoft Privacy Statement: how Microsoft uses personal data"),
                    href: Cow::Borrowed("https://privacy.microsoft.com/privacystatement/"),
                },
                LinkText {
                    key: LinkKey::LinkedinPrivacy,
                    label: $t!("LinkedIn Privacy Policy: how LinkedIn uses personal data"),
                    href: Cow::Borrowed("https://www.linkedin.com/legal/privacy-policy"),
                },
                LinkText {
                    key: LinkKey::EuTransfer,
                    label: $t!("European Union data transfers (LinkedIn help)"),
                    href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/62533"),
                },
                LinkText {
                    key: LinkKey::RemoveContacts,
                    label: $t!("Remove imported contacts from LinkedIn (LinkedIn help)"),
                    href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/43377"),
                },
                LinkText {
                    key: LinkKey::ProfileVisibility,
                    label: $t!("Control how your LinkedIn profile is viewed (LinkedIn help)"),
                    href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/83"),
                },
                LinkText {
                    key: LinkKey::LinkedinHelp,
                    label: $t!("LinkedIn in Microsoft apps with your work or school account (LinkedIn help)"),
                    href: Cow::Borrowed("https://www.linkedin.com/help/linkedin/answer/84077"),
                },
                LinkText {
                    key: LinkKey::Help,
                    label: $t!("LinkedIn information in Microsoft apps and services: questions and answers"),
                    href: Cow::Borrowed(
                        "https://support.office.com/article/about-linkedin-information-and-features-in-microsoft-apps-and-services-dc81cc70-4d64-4755-9f1c-b9536e34d381",
                    ),
                },
            ],
            unavailable: UnavailableText {
                policy_off: $t!("Your organization has turned off LinkedIn account connections. Whether you can \
                             connect is up to your organization's admin."),
                not_in_group: $t!("Your organization has turned on LinkedIn account connections for selected \
                               people only. Whether you can connect is up to your organization's admin."),
            },
            changes: ChangesText {
                heading: $t!("What changed since you last chose"),
                since: &[(
                    1,
                    $t!("We now say more precisely what each side gets: the lists are examples, your calendar \
                     and contacts include other people's data, LinkedIn uses your Microsoft data to improve \
                     your networking experience, and data can flow between the EU and the US for LinkedIn's \
                     services."),
                )],
                unknown: $t!("This notice has changed since you last chose, so please choose again."),
            },
            status: StatusText {
                sending: $t!("Recording your choice…"),
                queued: $t!("Your choice is saved on this device and will be recorded when the connection is back."),
                recorded: $t!("Your choice is recorded: {choice}."),
                withdrawn: $t!("Recorded: your accounts are disconnected."),
                not_recorded: $t!("Your choice was not recorded: {reason}"),
                try_again: $t!("Try again"),
                dismiss: $t!("Dismiss"),
                recorded_on: $t!("Recorded on {date}."),
                reasons: ReasonText {
                    unreachable: $t!("the consent service could not be reached. Check your connection and try again."),
                    refused: $t!("the consent service did not accept it. Please choose again."),
                    notice_changed: $t!("this notice has changed. Please read it again and choose."),
                    signing: $t!("this browser could not sign your choice."),
                    expired: $t!("the request expired. Please choose again."),
                },
            },
        }
    }};
}

macro_rules! english {
    ($s:literal) => {
        $s
    };
}

macro_rules! blank {
    ($s:literal) => {
        ""
    };
}

pub(super) static NOTICE: Notice = notice_v2!(english);

/// Version 2 with every string it shows empty: the shape [`Notice::with_texts`] fills.
pub(super) static SHAPE: Notice = notice_v2!(blank);
