### Notice version 2, German (de): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("etwa", "wie", "zum Beispiel"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated. Formal register ("Sie").

## The prompt

prompt-title = Ihr Geschäftskonto mit LinkedIn verbinden?
prompt-intro =
    Sobald Sie Ihr Geschäfts-, Schul- oder Unikonto von Microsoft mit Ihrem LinkedIn-Konto
    verbinden, können einige Microsoft-Apps, etwa die Profilkarte, Informationen von
    LinkedIn anzeigen. Sie entscheiden, was jede Seite erhält.
prompt-choices-label = Wie möchten Sie die Konten verbinden?

choice-both-ways = In beide Richtungen verbinden
choice-linkedin-only = Nur LinkedIn-Daten
choice-not-now = Jetzt nicht

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft erhält Ihr LinkedIn-Profil sowie Ihre Interessen, Abonnements und Kontakte auf
    LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn erhält Ihr Microsoft-Profil sowie Ihren Kalender, Ihre Interessen, Abonnements
    und Kontakte, um Ihre Networking-Erfahrung auf LinkedIn zu verbessern und zu bereichern.
point-contacts-kept = LinkedIn bewahrt Ihre Kontakte auf, bis Sie sie entfernen.
point-no-microsoft-data = LinkedIn erhält keine Daten aus Ihrem Microsoft-Konto.
point-not-now =
    Ihre Konten werden nicht verbunden: Sie gewähren keiner Seite Zugriff auf Daten der
    anderen. Sie können die Konten später verbinden.

facts-heading = Bevor Sie sich entscheiden
fact-retention =
    Microsoft-Dienste speichern Daten von LinkedIn nicht dauerhaft. LinkedIn speichert Daten
    aus Ihrem Microsoft-Konto nicht dauerhaft, mit Ausnahme Ihrer Kontakte: Diese bleiben
    auf LinkedIn, bis Sie sie entfernen.
fact-transfer =
    Für die Dienste von LinkedIn sowie für die Übertragung und Speicherung von Daten können
    Daten aus der Europäischen Union in die Vereinigten Staaten und zurück fließen. LinkedIn
    beschreibt, wie Ihre Privatsphäre bei diesen Übermittlungen geschützt wird.
fact-control =
    Sie können die Verbindung jederzeit trennen und diese Berechtigungen entfernen. Auf
    LinkedIn legen Sie fest, wie Ihr eigenes Profil angezeigt wird, einschließlich der
    Frage, ob es in Microsoft-Apps angezeigt werden kann.

## What each kind of data includes

details-heading = Was die einzelnen Datenarten umfassen
direction-linkedin-to-microsoft = Von LinkedIn an Ihr Microsoft-Konto
direction-linkedin-to-microsoft-when = Bei beiden Arten der Verbindung.
direction-microsoft-to-linkedin = Von Ihrem Microsoft-Konto an LinkedIn
direction-microsoft-to-linkedin-when = Nur wenn Sie in beide Richtungen verbinden.

category-profile = Profil
category-interests = Interessen
category-subscriptions = Abonnements
category-connections = Kontakte
category-calendar = Kalender
category-contacts = Kontakte

linkedin-profile-includes =
    Ihre LinkedIn-Identität, Ihre Kontaktinformationen und was Sie in Ihrem LinkedIn-Profil
    mit anderen teilen.
linkedin-interests-includes =
    Ihre Interessen auf LinkedIn, zum Beispiel Personen und Themen, denen Sie folgen, Kurse,
    Gruppen sowie Inhalte, die Ihnen gefallen und die Sie teilen.
linkedin-subscriptions-includes =
    Ihre Abonnements für LinkedIn-Apps und -Dienste mit den zugehörigen Daten.
linkedin-connections-includes =
    Ihr LinkedIn-Netzwerk, einschließlich der Profile und Kontaktinformationen
    Ihrer Kontakte 1. Grades.
linkedin-connections-others =
    Die Profile und Kontaktinformationen Ihrer Kontakte sind Daten anderer Personen.

microsoft-profile-includes =
    Informationen wie Ihr Vor- und Nachname, Ihr Profilfoto, Ihre E-Mail-Adresse, Ihre
    Führungskraft und die Personen, die Ihnen unterstellt sind.
microsoft-calendar-includes =
    Die Besprechungen in Ihren Kalendern mit Uhrzeit und Ort sowie den Kontaktinformationen
    der Teilnehmenden.
microsoft-calendar-others = Die Kontaktinformationen der Teilnehmenden sind Daten anderer Personen.
microsoft-calendar-excluded =
    Nicht enthalten: Informationen zur Besprechung selbst, etwa Titel, Tagesordnung oder
    Inhalt.
microsoft-interests-includes =
    Mit Ihrem Konto verknüpfte Interessen, abgeleitet aus Ihrer Nutzung von
    Microsoft-Diensten wie Cortana und Bing for Business.
microsoft-subscriptions-includes =
    Abonnements für Microsoft-Apps und -Dienste, die Ihre Organisation bereitstellt, etwa
    Office 365.
microsoft-contacts-includes =
    Kontaktlisten in Outlook, Skype und anderen Diensten des Microsoft-Kontos,
    einschließlich der Kontaktinformationen von Personen, mit denen Sie häufig kommunizieren
    oder zusammenarbeiten.
microsoft-contacts-others = Diese Kontakte sind Daten anderer Personen.
microsoft-contacts-imported =
    LinkedIn importiert und speichert sie in regelmäßigen Abständen und nutzt sie zum
    Beispiel, um Kontakte vorzuschlagen, beim Organisieren von Kontakten zu helfen und
    Neuigkeiten zu Kontakten anzuzeigen. Sie bleiben auf LinkedIn, bis Sie sie entfernen.

links-heading = Weitere Informationen

## The manage view

manage-title = Ihre LinkedIn-Verbindung
manage-status-both-ways =
    In beide Richtungen verbunden: Microsoft erhält Ihre LinkedIn-Daten, und LinkedIn
    erhält Daten aus Ihrem Microsoft-Konto.
manage-status-linkedin-only =
    Nur für LinkedIn-Daten verbunden: Microsoft erhält Ihre LinkedIn-Daten, und LinkedIn
    erhält keine Daten aus Ihrem Microsoft-Konto.
manage-status-not-connected = Ihr Microsoft-Konto und Ihr LinkedIn-Konto sind nicht verbunden.
manage-stops-both-ways =
    Mit „Trennen“ widerrufen Sie sofort beide Berechtigungen: Ab diesem Zeitpunkt erhält
    Microsoft keine LinkedIn-Daten mehr von Ihnen, und LinkedIn erhält keine Daten mehr aus
    Ihrem Microsoft-Konto.
manage-stops-linkedin-only =
    Mit „Trennen“ widerrufen Sie sofort Ihre Berechtigung: Ab diesem Zeitpunkt erhält
    Microsoft keine LinkedIn-Daten mehr von Ihnen.
manage-contacts-stay =
    Kontakte, die LinkedIn bereits importiert hat, bleiben auf LinkedIn, bis Sie sie dort
    entfernen.
manage-profile-visibility =
    Auf LinkedIn können Sie außerdem festlegen, wie Ihr eigenes Profil angezeigt wird,
    einschließlich der Frage, ob es in Microsoft-Apps angezeigt werden kann.
manage-linkedin-help =
    Die LinkedIn-Hilfe beschreibt, wie Ihr LinkedIn-Konto auf Daten aus Ihrem Geschäfts-,
    Schul- oder Unikonto von Microsoft zugreift.
manage-disconnect = Trennen
manage-connect = Konten verbinden
manage-close = Schließen

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy =
    Microsoft-Datenschutzerklärung: wie Microsoft personenbezogene Daten verwendet
link-linkedin-privacy =
    LinkedIn-Datenschutzrichtlinie: wie LinkedIn personenbezogene Daten verwendet
link-eu-transfer = Datenübermittlungen aus der Europäischen Union (LinkedIn-Hilfe)
link-remove-contacts = Importierte Kontakte von LinkedIn entfernen (LinkedIn-Hilfe)
link-profile-visibility = Festlegen, wie Ihr LinkedIn-Profil angezeigt wird (LinkedIn-Hilfe)
link-linkedin-help =
    LinkedIn in Microsoft-Apps mit Ihrem Geschäfts-, Schul- oder Unikonto (LinkedIn-Hilfe)
link-help = LinkedIn-Informationen in Microsoft-Apps und -Diensten: Fragen und Antworten

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Ihre Organisation hat LinkedIn-Kontoverbindungen deaktiviert. Ob Sie die Konten
    verbinden können, entscheidet der Administrator Ihrer Organisation.
unavailable-not-in-group =
    Ihre Organisation hat LinkedIn-Kontoverbindungen nur für ausgewählte Personen aktiviert.
    Ob Sie die Konten verbinden können, entscheidet der Administrator Ihrer Organisation.

## Asked again after the notice changed

changes-heading = Was sich seit Ihrer letzten Auswahl geändert hat
changes-since-1 =
    Wir geben jetzt genauer an, was jede Seite erhält: Die Listen sind Beispiele, Ihr
    Kalender und Ihre Kontakte enthalten Daten anderer Personen, LinkedIn verwendet Ihre
    Microsoft-Daten, um Ihre Networking-Erfahrung zu verbessern, und für die Dienste von
    LinkedIn können Daten zwischen der EU und den USA fließen.
changes-unknown =
    Dieser Hinweis hat sich seit Ihrer letzten Auswahl geändert. Bitte treffen Sie daher
    erneut eine Auswahl.

## Feedback after a choice (not part of the notice's digest)

status-sending = Ihre Auswahl wird erfasst …
status-queued =
    Ihre Auswahl ist auf diesem Gerät gespeichert und wird erfasst, sobald die Verbindung
    wiederhergestellt ist.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Ihre Auswahl wurde erfasst: { $choice }.
status-withdrawn = Erfasst: Ihre Konten sind getrennt.
# $reason: one of the reason-* messages below.
status-not-recorded = Ihre Auswahl wurde nicht erfasst: { $reason }
status-try-again = Erneut versuchen
status-dismiss = Ausblenden
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Erfasst am { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    der Einwilligungsdienst war nicht erreichbar. Prüfen Sie Ihre Verbindung, und versuchen
    Sie es erneut.
reason-refused =
    der Einwilligungsdienst hat sie nicht angenommen. Bitte treffen Sie erneut eine Auswahl.
reason-notice-changed =
    dieser Hinweis hat sich geändert. Bitte lesen Sie ihn erneut, und treffen Sie eine
    Auswahl.
reason-signing = dieser Browser konnte Ihre Auswahl nicht signieren.
reason-expired = die Anfrage ist abgelaufen. Bitte treffen Sie erneut eine Auswahl.
