### Notice version 2, Swedish (sv): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("till exempel", "som"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated.

## The prompt

prompt-title = Vill du ansluta ditt arbetskonto till LinkedIn?
prompt-intro =
    När du har anslutit ditt arbets- eller skolkonto från Microsoft till ditt
    LinkedIn-konto kan vissa Microsoft-appar, till exempel profilkortet, visa information
    från LinkedIn. Du väljer vad varje sida får.
prompt-choices-label = Hur vill du ansluta?

choice-both-ways = Anslut åt båda hållen
choice-linkedin-only = Endast LinkedIn-data
choice-not-now = Inte nu

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft får din LinkedIn-profil och dina intressen, prenumerationer och kontakter
    på LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn får din Microsoft-profil och din kalender, dina intressen, prenumerationer
    och kontakter, för att förbättra och berika din nätverksupplevelse på LinkedIn.
point-contacts-kept = LinkedIn behåller dina kontakter tills du tar bort dem.
point-no-microsoft-data = LinkedIn får inga data från ditt Microsoft-konto.
point-not-now =
    Dina konton förblir oanslutna: du ger ingen av sidorna åtkomst till data från den
    andra. Du kan ansluta senare.

facts-heading = Innan du väljer
fact-retention =
    Microsofts tjänster behåller inte data från LinkedIn permanent. LinkedIn behåller inte
    data från ditt Microsoft-konto permanent, förutom dina kontakter: de finns kvar på
    LinkedIn tills du tar bort dem.
fact-transfer =
    För LinkedIns tjänster, dataöverföring och lagring kan data flöda från Europeiska
    unionen till USA och tillbaka. LinkedIn beskriver hur din integritet skyddas vid
    dessa överföringar.
fact-control =
    Du kan när som helst koppla från och ta bort dessa behörigheter. På LinkedIn styr du
    hur din egen profil visas, bland annat om den kan visas i Microsoft-appar.

## What each kind of data includes

details-heading = Vad varje typ av data omfattar
direction-linkedin-to-microsoft = Från LinkedIn till ditt Microsoft-konto
direction-linkedin-to-microsoft-when = Oavsett vilket av de två sätten du ansluter på.
direction-microsoft-to-linkedin = Från ditt Microsoft-konto till LinkedIn
direction-microsoft-to-linkedin-when = Endast om du ansluter åt båda hållen.

category-profile = Profil
category-interests = Intressen
category-subscriptions = Prenumerationer
category-connections = LinkedIn-kontakter
category-calendar = Kalender
category-contacts = Kontakter

linkedin-profile-includes =
    Din LinkedIn-identitet, din kontaktinformation och det du delar med andra i din
    LinkedIn-profil.
linkedin-interests-includes =
    Dina intressen på LinkedIn, till exempel personer och ämnen som du följer, kurser,
    grupper och innehåll som du gillar och delar.
linkedin-subscriptions-includes =
    Dina prenumerationer på LinkedIn-appar och -tjänster, med tillhörande data.
linkedin-connections-includes =
    Ditt LinkedIn-nätverk, inklusive profiler och kontaktinformation för dina kontakter
    på första nivån.
linkedin-connections-others = Dina kontakters profiler och kontaktinformation är andra personers data.

microsoft-profile-includes =
    Information som ditt för- och efternamn, din profilbild, din e-postadress, din chef
    och de personer som du är chef för.
microsoft-calendar-includes =
    Mötena i dina kalendrar, med tider, platser och deltagarnas kontaktinformation.
microsoft-calendar-others = Deltagarnas kontaktinformation är andra personers data.
microsoft-calendar-excluded =
    Ingår inte: information om själva mötet, till exempel rubrik, agenda eller innehåll.
microsoft-interests-includes =
    Intressen som är kopplade till ditt konto och som härleds från din användning av
    Microsoft-tjänster som Cortana och Bing for Business.
microsoft-subscriptions-includes =
    Prenumerationer på Microsoft-appar och -tjänster som din organisation tillhandahåller,
    till exempel Office 365.
microsoft-contacts-includes =
    Kontaktlistor i Outlook, Skype och andra tjänster för Microsoft-konton, inklusive
    kontaktinformation för personer som du ofta kommunicerar eller arbetar med.
microsoft-contacts-others = De här kontakterna är andra personers data.
microsoft-contacts-imported =
    LinkedIn importerar och lagrar dem med jämna mellanrum och använder dem till exempel
    för att föreslå kontakter, hjälpa till att organisera kontakter och visa uppdateringar
    om kontakter. De finns kvar på LinkedIn tills du tar bort dem.

links-heading = Läs mer

## The manage view

manage-title = Din LinkedIn-anslutning
manage-status-both-ways =
    Anslutet åt båda hållen: Microsoft får dina LinkedIn-data och LinkedIn får data från
    ditt Microsoft-konto.
manage-status-linkedin-only =
    Anslutet endast för LinkedIn-data: Microsoft får dina LinkedIn-data och LinkedIn får
    inga data från ditt Microsoft-konto.
manage-status-not-connected = Ditt Microsoft-konto och ditt LinkedIn-konto är inte anslutna.
manage-stops-both-ways =
    Om du kopplar från återkallas båda behörigheterna omedelbart: därefter får Microsoft
    inte längre några av dina LinkedIn-data, och LinkedIn får inte längre några data från
    ditt Microsoft-konto.
manage-stops-linkedin-only =
    Om du kopplar från återkallas din behörighet omedelbart: därefter får Microsoft inte
    längre några av dina LinkedIn-data.
manage-contacts-stay =
    Kontakter som LinkedIn redan har importerat finns kvar på LinkedIn tills du tar bort
    dem där.
manage-profile-visibility =
    På LinkedIn kan du också styra hur din egen profil visas, bland annat om den kan visas
    i Microsoft-appar.
manage-linkedin-help =
    LinkedIns hjälp beskriver hur ditt LinkedIn-konto får åtkomst till data från ditt
    arbets- eller skolkonto från Microsoft.
manage-disconnect = Koppla från
manage-connect = Anslut konton
manage-close = Stäng

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Microsofts sekretesspolicy: hur Microsoft använder personuppgifter
link-linkedin-privacy = LinkedIns sekretesspolicy: hur LinkedIn använder personuppgifter
link-eu-transfer = Dataöverföringar från Europeiska unionen (LinkedIn-hjälp)
link-remove-contacts = Ta bort importerade kontakter från LinkedIn (LinkedIn-hjälp)
link-profile-visibility = Styr hur din LinkedIn-profil visas (LinkedIn-hjälp)
link-linkedin-help = LinkedIn i Microsoft-appar med ditt arbets- eller skolkonto (LinkedIn-hjälp)
link-help = LinkedIn-information i Microsoft-appar och -tjänster: frågor och svar

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Din organisation har inaktiverat anslutning av LinkedIn-konton. Det är din
    organisations administratör som avgör om du kan ansluta.
unavailable-not-in-group =
    Din organisation har aktiverat anslutning av LinkedIn-konton endast för utvalda
    personer. Det är din organisations administratör som avgör om du kan ansluta.

## Asked again after the notice changed

changes-heading = Det här har ändrats sedan du senast valde
changes-since-1 =
    Vi beskriver nu mer exakt vad varje sida får: listorna är exempel, din kalender och
    dina kontakter innehåller andra personers data, LinkedIn använder dina Microsoft-data
    för att förbättra din nätverksupplevelse och data kan flöda mellan EU och USA för
    LinkedIns tjänster.
changes-unknown = Den här informationen har ändrats sedan du senast valde, så välj igen.

## Feedback after a choice (not part of the notice's digest)

status-sending = Registrerar ditt val…
status-queued =
    Ditt val har sparats på den här enheten och registreras när anslutningen är tillbaka.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Ditt val har registrerats: { $choice }.
status-withdrawn = Registrerat: dina konton är frånkopplade.
# $reason: one of the reason-* messages below.
status-not-recorded = Ditt val registrerades inte: { $reason }
status-try-again = Försök igen
status-dismiss = Avvisa
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Registrerat { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = det gick inte att nå samtyckestjänsten. Kontrollera anslutningen och försök igen.
reason-refused = samtyckestjänsten godtog det inte. Välj igen.
reason-notice-changed = informationen har ändrats. Läs den igen och gör ditt val.
reason-signing = den här webbläsaren kunde inte signera ditt val.
reason-expired = begäran har gått ut. Välj igen.
