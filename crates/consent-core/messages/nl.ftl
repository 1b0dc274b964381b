### Notice version 2, Dutch (nl): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("zoals", "bijvoorbeeld"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated. Formal register ("u").

## The prompt

prompt-title = Uw werkaccount koppelen aan LinkedIn?
prompt-intro =
    Zodra u uw werk- of schoolaccount van Microsoft koppelt aan uw LinkedIn-account, kunnen
    sommige Microsoft-apps, zoals de profielkaart, informatie van LinkedIn weergeven.
    U bepaalt wat elke kant krijgt.
prompt-choices-label = Hoe wilt u de accounts koppelen?

choice-both-ways = In beide richtingen koppelen
choice-linkedin-only = Alleen LinkedIn-gegevens
choice-not-now = Niet nu

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft krijgt uw LinkedIn-profiel en uw interesses, abonnementen en connecties op
    LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn krijgt uw Microsoft-profiel en uw agenda, interesses, abonnementen en
    contactpersonen, om uw netwerkervaring op LinkedIn te verbeteren en te verrijken.
point-contacts-kept = LinkedIn bewaart uw contactpersonen totdat u ze verwijdert.
point-no-microsoft-data = LinkedIn krijgt geen gegevens van uw Microsoft-account.
point-not-now =
    Uw accounts blijven ongekoppeld: u geeft geen van beide kanten toegang tot gegevens van
    de andere. U kunt later koppelen.

facts-heading = Voordat u kiest
fact-retention =
    Microsoft-services bewaren gegevens van LinkedIn niet permanent. LinkedIn bewaart
    gegevens van uw Microsoft-account niet permanent, behalve uw contactpersonen: die
    blijven op LinkedIn totdat u ze verwijdert.
fact-transfer =
    Voor de services van LinkedIn en voor de overdracht en opslag van gegevens kunnen
    gegevens van de Europese Unie naar de Verenigde Staten en terug stromen. LinkedIn
    beschrijft hoe uw privacy bij deze doorgiften wordt beschermd.
fact-control =
    U kunt de koppeling op elk moment verbreken en deze machtigingen verwijderen. Op
    LinkedIn bepaalt u hoe uw eigen profiel wordt bekeken, inclusief of het in
    Microsoft-apps kan worden bekeken.

## What each kind of data includes

details-heading = Wat elk soort gegevens omvat
direction-linkedin-to-microsoft = Van LinkedIn naar uw Microsoft-account
direction-linkedin-to-microsoft-when = Bij beide manieren van koppelen.
direction-microsoft-to-linkedin = Van uw Microsoft-account naar LinkedIn
direction-microsoft-to-linkedin-when = Alleen als u in beide richtingen koppelt.

category-profile = Profiel
category-interests = Interesses
category-subscriptions = Abonnementen
category-connections = Connecties
category-calendar = Agenda
category-contacts = Contactpersonen

linkedin-profile-includes =
    Uw LinkedIn-identiteit, uw contactgegevens en wat u op uw LinkedIn-profiel met anderen
    deelt.
linkedin-interests-includes =
    Uw interesses op LinkedIn, bijvoorbeeld mensen en onderwerpen die u volgt, cursussen,
    groepen en content die u leuk vindt en deelt.
linkedin-subscriptions-includes =
    Uw abonnementen op LinkedIn-apps en -services, met de bijbehorende gegevens.
linkedin-connections-includes =
    Uw LinkedIn-netwerk, inclusief de profielen en contactgegevens van uw connecties van
    de eerste graad.
linkedin-connections-others =
    De profielen en contactgegevens van uw connecties zijn gegevens van andere mensen.

microsoft-profile-includes =
    Informatie zoals uw voor- en achternaam, profielfoto, e-mailadres, uw manager en de
    mensen van wie u de manager bent.
microsoft-calendar-includes =
    De vergaderingen in uw agenda's, met hun tijden, hun locaties en de contactgegevens van
    de deelnemers.
microsoft-calendar-others = De contactgegevens van de deelnemers zijn gegevens van andere mensen.
microsoft-calendar-excluded =
    Niet inbegrepen: informatie over de vergadering zelf, zoals de titel, de vergaderagenda
    of de inhoud.
microsoft-interests-includes =
    Interesses die aan uw account zijn gekoppeld, afgeleid uit uw gebruik van
    Microsoft-services zoals Cortana en Bing for Business.
microsoft-subscriptions-includes =
    Abonnementen op Microsoft-apps en -services die uw organisatie verstrekt, zoals
    Office 365.
microsoft-contacts-includes =
    Lijsten met contactpersonen in Outlook, Skype en andere services van het
    Microsoft-account, inclusief de contactgegevens van mensen met wie u vaak communiceert
    of samenwerkt.
microsoft-contacts-others = Deze contactpersonen zijn gegevens van andere mensen.
microsoft-contacts-imported =
    LinkedIn importeert en bewaart ze periodiek en gebruikt ze bijvoorbeeld om connecties
    voor te stellen, contactpersonen te helpen ordenen en updates over contactpersonen te
    tonen. Ze blijven op LinkedIn totdat u ze verwijdert.

links-heading = Meer informatie

## The manage view

manage-title = Uw LinkedIn-koppeling
manage-status-both-ways =
    In beide richtingen gekoppeld: Microsoft krijgt uw LinkedIn-gegevens en LinkedIn krijgt
    gegevens van uw Microsoft-account.
manage-status-linkedin-only =
    Alleen gekoppeld voor LinkedIn-gegevens: Microsoft krijgt uw LinkedIn-gegevens en
    LinkedIn krijgt geen gegevens van uw Microsoft-account.
manage-status-not-connected = Uw Microsoft-account en uw LinkedIn-account zijn niet gekoppeld.
manage-stops-both-ways =
    Met “Ontkoppelen” trekt u beide machtigingen direct in: vanaf dat moment krijgt Microsoft
    geen LinkedIn-gegevens van u meer en krijgt LinkedIn geen gegevens meer van uw
    Microsoft-account.
manage-stops-linkedin-only =
    Met “Ontkoppelen” trekt u uw machtiging direct in: vanaf dat moment krijgt Microsoft geen
    LinkedIn-gegevens van u meer.
manage-contacts-stay =
    Contactpersonen die LinkedIn al heeft geïmporteerd, blijven op LinkedIn totdat u ze
    daar verwijdert.
manage-profile-visibility =
    Op LinkedIn kunt u ook bepalen hoe uw eigen profiel wordt bekeken, inclusief of het in
    Microsoft-apps kan worden bekeken.
manage-linkedin-help =
    De Help van LinkedIn beschrijft hoe uw LinkedIn-account toegang krijgt tot gegevens van
    uw werk- of schoolaccount van Microsoft.
manage-disconnect = Ontkoppelen
manage-connect = Accounts koppelen
manage-close = Sluiten

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Privacyverklaring van Microsoft: hoe Microsoft persoonsgegevens gebruikt
link-linkedin-privacy = Privacybeleid van LinkedIn: hoe LinkedIn persoonsgegevens gebruikt
link-eu-transfer = Doorgifte van gegevens uit de Europese Unie (Help van LinkedIn)
link-remove-contacts = Geïmporteerde contactpersonen van LinkedIn verwijderen (Help van LinkedIn)
link-profile-visibility = Bepalen hoe uw LinkedIn-profiel wordt bekeken (Help van LinkedIn)
link-linkedin-help =
    LinkedIn in Microsoft-apps met uw werk- of schoolaccount (Help van LinkedIn)
link-help = LinkedIn-informatie in Microsoft-apps en -services: vragen en antwoorden

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Uw organisatie heeft het koppelen van LinkedIn-accounts uitgeschakeld. Of u kunt
    koppelen, bepaalt de beheerder van uw organisatie.
unavailable-not-in-group =
    Uw organisatie heeft het koppelen van LinkedIn-accounts alleen voor geselecteerde
    personen ingeschakeld. Of u kunt koppelen, bepaalt de beheerder van uw organisatie.

## Asked again after the notice changed

changes-heading = Wat er is gewijzigd sinds uw laatste keuze
changes-since-1 =
    We geven nu nauwkeuriger aan wat elke kant krijgt: de lijsten zijn voorbeelden, uw
    agenda en contactpersonen bevatten gegevens van andere mensen, LinkedIn gebruikt uw
    Microsoft-gegevens om uw netwerkervaring te verbeteren en gegevens kunnen voor de
    services van LinkedIn tussen de EU en de VS stromen.
changes-unknown =
    Deze kennisgeving is gewijzigd sinds uw laatste keuze. Maak daarom opnieuw een keuze.

## Feedback after a choice (not part of the notice's digest)

status-sending = Uw keuze wordt vastgelegd…
status-queued =
    Uw keuze is op dit apparaat opgeslagen en wordt vastgelegd zodra de verbinding hersteld
    is.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Uw keuze is vastgelegd: { $choice }.
status-withdrawn = Vastgelegd: uw accounts zijn ontkoppeld.
# $reason: one of the reason-* messages below.
status-not-recorded = Uw keuze is niet vastgelegd: { $reason }
status-try-again = Opnieuw proberen
status-dismiss = Sluiten
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Vastgelegd op { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    de toestemmingsservice kon niet worden bereikt. Controleer uw verbinding en probeer het
    opnieuw.
reason-refused = de toestemmingsservice heeft uw keuze niet geaccepteerd. Maak opnieuw een keuze.
reason-notice-changed = deze kennisgeving is gewijzigd. Lees deze opnieuw en maak een keuze.
reason-signing = deze browser kon uw keuze niet ondertekenen.
reason-expired = de aanvraag is verlopen. Maak opnieuw een keuze.
