### Notice version 2, English: the source every other locale is translated from.
### Facts from Microsoft's public article on LinkedIn account connections (user
### consent and data sharing); the wording is ours. Where the article gives examples
### ("such as", "for example"), so does the text: translations keep them as examples.
### Product names (Microsoft, LinkedIn, Outlook, Skype, Office 365, Cortana, Bing for
### Business) stay untranslated.

## The prompt

prompt-title = Connect your work account with LinkedIn?
prompt-intro =
    Once you connect your Microsoft work or school account with your LinkedIn account,
    some Microsoft apps, such as the profile card, can show information from LinkedIn.
    You choose what each side gets.
prompt-choices-label = How do you want to connect?

choice-both-ways = Connect both ways
choice-linkedin-only = LinkedIn data only
choice-not-now = Not now

# Shown under both ways of connecting.
point-linkedin-to-microsoft = Microsoft gets your LinkedIn profile, interests, subscriptions and connections.
point-microsoft-to-linkedin =
    LinkedIn gets your Microsoft profile, calendar, interests, subscriptions and contacts,
    to improve and enrich your networking experience on LinkedIn.
point-contacts-kept = LinkedIn keeps your contacts until you remove them.
point-no-microsoft-data = LinkedIn gets no data from your Microsoft account.
point-not-now =
    Your accounts stay unconnected: you give neither side access to data from the other.
    You can connect later.

facts-heading = Before you choose
fact-retention =
    Microsoft services don't keep data from LinkedIn permanently. LinkedIn doesn't keep
    data from your Microsoft account permanently, except your contacts: they stay on
    LinkedIn until you remove them.
fact-transfer =
    For LinkedIn's services, data transfer and storage, data can flow from the European
    Union to the United States and back. LinkedIn describes how your privacy is protected
    in these transfers.
fact-control =
    You can disconnect and remove these permissions at any time. On LinkedIn you control
    how your own profile is viewed, including whether it can be viewed in Microsoft apps.

## What each kind of data includes

details-heading = What each kind of data includes
direction-linkedin-to-microsoft = From LinkedIn to your Microsoft account
direction-linkedin-to-microsoft-when = With either way of connecting.
direction-microsoft-to-linkedin = From your Microsoft account to LinkedIn
direction-microsoft-to-linkedin-when = Only if you connect both ways.

category-profile = Profile
category-interests = Interests
category-subscriptions = Subscriptions
category-connections = Connections
category-calendar = Calendar
category-contacts = Contacts

linkedin-profile-includes =
    Your LinkedIn identity, your contact information, and what you share with others on
    your LinkedIn profile.
linkedin-interests-includes =
    Your interests on LinkedIn, for example people and topics you follow, courses, groups,
    and content you like and share.
linkedin-subscriptions-includes =
    Your subscriptions to LinkedIn apps and services, with the data that goes with them.
linkedin-connections-includes =
    Your LinkedIn network, including the profiles and contact information of your
    1st-degree connections.
linkedin-connections-others = Your connections' profiles and contact information are other people's data.

microsoft-profile-includes =
    Information such as your first and last name, profile photo, email address, your
    manager and the people you manage.
microsoft-calendar-includes =
    The meetings in your calendars, with their times, their locations and the attendees'
    contact information.
microsoft-calendar-others = The attendees' contact information is other people's data.
microsoft-calendar-excluded =
    Not included: information about the meeting itself, such as its title, agenda or
    content.
microsoft-interests-includes =
    Interests associated with your account, inferred from your use of Microsoft services
    such as Cortana and Bing for Business.
microsoft-subscriptions-includes =
    Subscriptions your organization provides to Microsoft apps and services, such as
    Office 365.
microsoft-contacts-includes =
    Contact lists in Outlook, Skype and other Microsoft account services, including the
    contact information of people you often communicate or work with.
microsoft-contacts-others = These contacts are other people's data.
microsoft-contacts-imported =
    LinkedIn periodically imports and stores them, and uses them, for example, to suggest
    connections, help organize contacts and show updates about contacts. They stay on
    LinkedIn until you remove them.

links-heading = Learn more

## The manage view

manage-title = Your LinkedIn connection
manage-status-both-ways =
    Connected both ways: Microsoft gets your LinkedIn data, and LinkedIn gets data from
    your Microsoft account.
manage-status-linkedin-only =
    Connected for LinkedIn data only: Microsoft gets your LinkedIn data, and LinkedIn gets
    no data from your Microsoft account.
manage-status-not-connected = Your Microsoft account and your LinkedIn account are not connected.
manage-stops-both-ways =
    Disconnect withdraws both permissions at once: from then on, Microsoft gets no more of
    your LinkedIn data, and LinkedIn gets no more data from your Microsoft account.
manage-stops-linkedin-only =
    Disconnect withdraws your permission at once: from then on, Microsoft gets no more of
    your LinkedIn data.
manage-contacts-stay = Contacts LinkedIn has already imported stay on LinkedIn until you remove them there.
manage-profile-visibility =
    On LinkedIn you can also control how your own profile is viewed, including whether it
    can be viewed in Microsoft apps.
manage-linkedin-help =
    LinkedIn's help describes how your LinkedIn account accesses data from your Microsoft
    work or school account.
manage-disconnect = Disconnect
manage-connect = Connect accounts
manage-close = Close

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Microsoft Privacy Statement: how Microsoft uses personal data
link-linkedin-privacy = LinkedIn Privacy Policy: how LinkedIn uses personal data
link-eu-transfer = European Union data transfers (LinkedIn help)
link-remove-contacts = Remove imported contacts from LinkedIn (LinkedIn help)
link-profile-visibility = Control how your LinkedIn profile is viewed (LinkedIn help)
link-linkedin-help = LinkedIn in Microsoft apps with your work or school account (LinkedIn help)
link-help = LinkedIn information in Microsoft apps and services: questions and answers

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Your organization has turned off LinkedIn account connections. Whether you can connect
    is up to your organization's admin.
unavailable-not-in-group =
    Your organization has turned on LinkedIn account connections for selected people only.
    Whether you can connect is up to your organization's admin.

## Asked again after the notice changed

changes-heading = What changed since you last chose
changes-since-1 =
    We now say more precisely what each side gets: the lists are examples, your calendar
    and contacts include other people's data, LinkedIn uses your Microsoft data to improve
    your networking experience, and data can flow between the EU and the US for LinkedIn's
    services.
changes-unknown = This notice has changed since you last chose, so please choose again.

## Feedback after a choice (not part of the notice's digest)

status-sending = Recording your choice…
status-queued = Your choice is saved on this device and will be recorded when the connection is back.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Your choice is recorded: { $choice }.
status-withdrawn = Recorded: your accounts are disconnected.
# $reason: one of the reason-* messages below.
status-not-recorded = Your choice was not recorded: { $reason }
status-try-again = Try again
status-dismiss = Dismiss
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Recorded on { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = the consent service could not be reached. Check your connection and try again.
reason-refused = the consent service did not accept it. Please choose again.
reason-notice-changed = this notice has changed. Please read it again and choose.
reason-signing = this browser could not sign your choice.
reason-expired = the request expired. Please choose again.
