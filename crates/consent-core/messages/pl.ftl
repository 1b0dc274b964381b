### Notice version 2, Polish (pl): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("takie jak", "na przykład"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated.

## The prompt

prompt-title = Połączyć konto służbowe z LinkedIn?
prompt-intro =
    Po połączeniu konta służbowego lub szkolnego Microsoft z kontem LinkedIn niektóre
    aplikacje Microsoft, takie jak karta profilu, mogą wyświetlać informacje z LinkedIn.
    To Ty decydujesz, co otrzymuje każda ze stron.
prompt-choices-label = Jak chcesz połączyć konta?

choice-both-ways = Połącz w obie strony
choice-linkedin-only = Tylko dane z LinkedIn
choice-not-now = Nie teraz

# Shown under both ways of connecting.
point-linkedin-to-microsoft = Microsoft otrzymuje Twój profil, zainteresowania, subskrypcje i kontakty z LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn otrzymuje Twój profil, kalendarz, zainteresowania, subskrypcje i kontakty
    z konta Microsoft, aby ulepszać i wzbogacać Twoje doświadczenia związane
    z nawiązywaniem kontaktów zawodowych w serwisie LinkedIn.
point-contacts-kept = LinkedIn przechowuje Twoje kontakty, dopóki ich nie usuniesz.
point-no-microsoft-data = LinkedIn nie otrzymuje żadnych danych z Twojego konta Microsoft.
point-not-now =
    Twoje konta pozostają niepołączone: nie udzielasz żadnej ze stron dostępu do danych
    drugiej strony. Możesz połączyć je później.

facts-heading = Zanim dokonasz wyboru
fact-retention =
    Usługi Microsoft nie przechowują danych z LinkedIn na stałe. LinkedIn nie przechowuje
    na stałe danych z Twojego konta Microsoft, z wyjątkiem kontaktów: pozostają one
    w serwisie LinkedIn, dopóki ich nie usuniesz.
fact-transfer =
    Na potrzeby usług LinkedIn oraz przesyłania i przechowywania danych dane mogą być
    przekazywane z Unii Europejskiej do Stanów Zjednoczonych i z powrotem. LinkedIn
    opisuje, w jaki sposób Twoja prywatność jest chroniona przy tych transferach.
fact-control =
    W każdej chwili możesz rozłączyć konta i usunąć te uprawnienia. W serwisie LinkedIn
    decydujesz, jak wyświetlany jest Twój profil, w tym czy można go wyświetlać
    w aplikacjach Microsoft.

## What each kind of data includes

details-heading = Co obejmuje każdy rodzaj danych
direction-linkedin-to-microsoft = Z LinkedIn do Twojego konta Microsoft
direction-linkedin-to-microsoft-when = Przy obu sposobach połączenia.
direction-microsoft-to-linkedin = Z Twojego konta Microsoft do LinkedIn
direction-microsoft-to-linkedin-when = Tylko jeśli połączysz konta w obie strony.

category-profile = Profil
category-interests = Zainteresowania
category-subscriptions = Subskrypcje
category-connections = Sieć kontaktów
category-calendar = Kalendarz
category-contacts = Kontakty

linkedin-profile-includes =
    Twoja tożsamość w serwisie LinkedIn, Twoje dane kontaktowe oraz to, co udostępniasz
    innym w swoim profilu LinkedIn.
linkedin-interests-includes =
    Twoje zainteresowania w serwisie LinkedIn, na przykład obserwowane osoby i tematy,
    kursy, grupy oraz treści, które lubisz i udostępniasz.
linkedin-subscriptions-includes =
    Twoje subskrypcje aplikacji i usług LinkedIn wraz z powiązanymi z nimi danymi.
linkedin-connections-includes =
    Twoja sieć w serwisie LinkedIn, w tym profile i dane kontaktowe Twoich kontaktów
    1. stopnia.
linkedin-connections-others = Profile i dane kontaktowe Twoich kontaktów to dane innych osób.

microsoft-profile-includes =
    Informacje takie jak imię i nazwisko, zdjęcie profilowe, adres e-mail, Twój
    przełożony i osoby, którymi zarządzasz.
microsoft-calendar-includes =
    Spotkania w Twoich kalendarzach wraz z ich godzinami, miejscami i danymi kontaktowymi
    uczestników.
microsoft-calendar-others = Dane kontaktowe uczestników to dane innych osób.
microsoft-calendar-excluded =
    Nie są uwzględniane: informacje o samym spotkaniu, takie jak jego tytuł, agenda lub
    treść.
microsoft-interests-includes =
    Zainteresowania powiązane z Twoim kontem, wywnioskowane na podstawie korzystania
    przez Ciebie z usług Microsoft, takich jak Cortana i Bing for Business.
microsoft-subscriptions-includes =
    Subskrypcje aplikacji i usług Microsoft zapewniane przez Twoją organizację, takie
    jak Office 365.
microsoft-contacts-includes =
    Listy kontaktów w programie Outlook, usłudze Skype i innych usługach konta Microsoft,
    w tym dane kontaktowe osób, z którymi często się komunikujesz lub współpracujesz.
microsoft-contacts-others = Te kontakty to dane innych osób.
microsoft-contacts-imported =
    LinkedIn okresowo je importuje i przechowuje oraz wykorzystuje je na przykład do
    proponowania kontaktów, pomocy w porządkowaniu kontaktów i wyświetlania aktualizacji
    dotyczących kontaktów. Pozostają one w serwisie LinkedIn, dopóki ich nie usuniesz.

links-heading = Więcej informacji

## The manage view

manage-title = Twoje połączenie z LinkedIn
manage-status-both-ways =
    Połączono w obie strony: Microsoft otrzymuje Twoje dane z LinkedIn, a LinkedIn
    otrzymuje dane z Twojego konta Microsoft.
manage-status-linkedin-only =
    Połączono tylko dla danych z LinkedIn: Microsoft otrzymuje Twoje dane z LinkedIn,
    a LinkedIn nie otrzymuje żadnych danych z Twojego konta Microsoft.
manage-status-not-connected = Twoje konto Microsoft i Twoje konto LinkedIn nie są połączone.
manage-stops-both-ways =
    Rozłączenie natychmiast cofa oba uprawnienia: od tej chwili Microsoft nie otrzymuje
    już żadnych Twoich danych z LinkedIn, a LinkedIn nie otrzymuje już żadnych danych
    z Twojego konta Microsoft.
manage-stops-linkedin-only =
    Rozłączenie natychmiast cofa Twoje uprawnienie: od tej chwili Microsoft nie otrzymuje
    już żadnych Twoich danych z LinkedIn.
manage-contacts-stay =
    Kontakty już zaimportowane przez LinkedIn pozostają w serwisie LinkedIn, dopóki ich
    tam nie usuniesz.
manage-profile-visibility =
    W serwisie LinkedIn możesz też decydować, jak wyświetlany jest Twój profil, w tym
    czy można go wyświetlać w aplikacjach Microsoft.
manage-linkedin-help =
    Pomoc LinkedIn opisuje, w jaki sposób Twoje konto LinkedIn uzyskuje dostęp do danych
    z Twojego konta służbowego lub szkolnego Microsoft.
manage-disconnect = Rozłącz
manage-connect = Połącz konta
manage-close = Zamknij

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Oświadczenie Microsoft o ochronie prywatności: jak Microsoft wykorzystuje dane osobowe
link-linkedin-privacy = Polityka prywatności LinkedIn: jak LinkedIn wykorzystuje dane osobowe
link-eu-transfer = Przekazywanie danych z Unii Europejskiej (pomoc LinkedIn)
link-remove-contacts = Usuwanie zaimportowanych kontaktów z LinkedIn (pomoc LinkedIn)
link-profile-visibility = Decydowanie o tym, jak wyświetlany jest Twój profil LinkedIn (pomoc LinkedIn)
link-linkedin-help = LinkedIn w aplikacjach Microsoft z kontem służbowym lub szkolnym (pomoc LinkedIn)
link-help = Informacje z LinkedIn w aplikacjach i usługach Microsoft: pytania i odpowiedzi

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Twoja organizacja wyłączyła łączenie kont z LinkedIn. O tym, czy możesz połączyć
    konta, decyduje administrator Twojej organizacji.
unavailable-not-in-group =
    Twoja organizacja włączyła łączenie kont z LinkedIn tylko dla wybranych osób. O tym,
    czy możesz połączyć konta, decyduje administrator Twojej organizacji.

## Asked again after the notice changed

changes-heading = Co się zmieniło od Twojego ostatniego wyboru
changes-since-1 =
    Teraz dokładniej opisujemy, co otrzymuje każda ze stron: listy są przykładami, Twój
    kalendarz i kontakty zawierają dane innych osób, LinkedIn wykorzystuje Twoje dane
    z Microsoft do ulepszania Twoich doświadczeń związanych z nawiązywaniem kontaktów
    zawodowych, a dane mogą być przekazywane między UE a USA na potrzeby usług LinkedIn.
changes-unknown = Ta informacja zmieniła się od Twojego ostatniego wyboru, dlatego prosimy o ponowny wybór.

## Feedback after a choice (not part of the notice's digest)

status-sending = Rejestrowanie wyboru…
status-queued =
    Twój wybór został zapisany na tym urządzeniu i zostanie zarejestrowany po
    przywróceniu połączenia.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Twój wybór został zarejestrowany: { $choice }.
status-withdrawn = Zarejestrowano: Twoje konta są rozłączone.
# $reason: one of the reason-* messages below.
status-not-recorded = Twój wybór nie został zarejestrowany: { $reason }
status-try-again = Spróbuj ponownie
status-dismiss = Odrzuć
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Data rejestracji: { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = nie udało się połączyć z usługą obsługi zgód. Sprawdź połączenie i spróbuj ponownie.
reason-refused = usługa obsługi zgód go nie przyjęła. Prosimy o ponowny wybór.
reason-notice-changed = ta informacja uległa zmianie. Prosimy ponownie się z nią zapoznać i dokonać wyboru.
reason-signing = ta przeglądarka nie mogła podpisać Twojego wyboru.
reason-expired = żądanie wygasło. Prosimy o ponowny wybór.
