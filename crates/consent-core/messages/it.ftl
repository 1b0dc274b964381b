### Notice version 2, Italian (it): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("come", "ad esempio"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated. Formal register ("Lei").

## The prompt

prompt-title = Connettere l’account aziendale a LinkedIn?
prompt-intro =
    Una volta connesso il suo account aziendale o dell’istituto di istruzione Microsoft al
    suo account LinkedIn, alcune app Microsoft, come la scheda profilo, possono mostrare
    informazioni provenienti da LinkedIn. È lei a scegliere che cosa riceve ciascuna parte.
prompt-choices-label = Come desidera connettere gli account?

choice-both-ways = Connetti in entrambe le direzioni
choice-linkedin-only = Solo dati LinkedIn
choice-not-now = Non ora

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft riceve il suo profilo LinkedIn e i suoi interessi, abbonamenti e collegamenti
    su LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn riceve il suo profilo Microsoft e il suo calendario, i suoi interessi,
    abbonamenti e contatti, per migliorare e arricchire la sua esperienza di networking su
    LinkedIn.
point-contacts-kept = LinkedIn conserva i suoi contatti finché lei non li rimuove.
point-no-microsoft-data = LinkedIn non riceve alcun dato dal suo account Microsoft.
point-not-now =
    I suoi account restano non connessi: non concede a nessuna delle due parti l’accesso ai
    dati dell’altra. Potrà connetterli in un secondo momento.

facts-heading = Prima di scegliere
fact-retention =
    I servizi Microsoft non conservano in modo permanente i dati provenienti da LinkedIn.
    LinkedIn non conserva in modo permanente i dati del suo account Microsoft, tranne i
    suoi contatti: questi restano su LinkedIn finché lei non li rimuove.
fact-transfer =
    Per i servizi di LinkedIn e per il trasferimento e l’archiviazione dei dati, possono
    circolare dati dall’Unione europea agli Stati Uniti e viceversa. LinkedIn descrive come
    viene protetta la sua privacy in questi trasferimenti.
fact-control =
    Può disconnettere gli account e rimuovere queste autorizzazioni in qualsiasi momento.
    Su LinkedIn lei controlla la visualizzazione del suo profilo, inclusa la possibilità che
    venga visualizzato nelle app Microsoft.

## What each kind of data includes

details-heading = Che cosa include ciascun tipo di dati
direction-linkedin-to-microsoft = Da LinkedIn al suo account Microsoft
direction-linkedin-to-microsoft-when = Con entrambe le modalità di connessione.
direction-microsoft-to-linkedin = Dal suo account Microsoft a LinkedIn
direction-microsoft-to-linkedin-when = Solo se connette gli account in entrambe le direzioni.

category-profile = Profilo
category-interests = Interessi
category-subscriptions = Abbonamenti
category-connections = Collegamenti
category-calendar = Calendario
category-contacts = Contatti

linkedin-profile-includes =
    La sua identità LinkedIn, le sue informazioni di contatto e ciò che condivide con altri
    nel suo profilo LinkedIn.
linkedin-interests-includes =
    I suoi interessi su LinkedIn, ad esempio persone e argomenti che segue, corsi, gruppi e
    contenuti che apprezza e condivide.
linkedin-subscriptions-includes =
    I suoi abbonamenti ad app e servizi LinkedIn, con i dati associati.
linkedin-connections-includes =
    La sua rete LinkedIn, inclusi i profili e le informazioni di contatto dei suoi
    collegamenti di 1° grado.
linkedin-connections-others =
    I profili e le informazioni di contatto dei suoi collegamenti sono dati di altre
    persone.

microsoft-profile-includes =
    Informazioni come nome e cognome, foto del profilo, indirizzo di posta elettronica, il
    suo responsabile e le persone di cui lei è responsabile.
microsoft-calendar-includes =
    Le riunioni nei suoi calendari, con i relativi orari, luoghi e informazioni di contatto
    dei partecipanti.
microsoft-calendar-others =
    Le informazioni di contatto dei partecipanti sono dati di altre persone.
microsoft-calendar-excluded =
    Non incluse: le informazioni sulla riunione stessa, come titolo, ordine del giorno o
    contenuto.
microsoft-interests-includes =
    Interessi associati al suo account, dedotti dal suo utilizzo di servizi Microsoft come
    Cortana e Bing for Business.
microsoft-subscriptions-includes =
    Abbonamenti ad app e servizi Microsoft forniti dalla sua organizzazione, come
    Office 365.
microsoft-contacts-includes =
    Elenchi di contatti in Outlook, Skype e altri servizi dell’account Microsoft, incluse
    le informazioni di contatto delle persone con cui comunica o lavora spesso.
microsoft-contacts-others = Questi contatti sono dati di altre persone.
microsoft-contacts-imported =
    LinkedIn li importa e li archivia periodicamente e li usa, ad esempio, per suggerire
    collegamenti, aiutare a organizzare i contatti e mostrare aggiornamenti sui contatti.
    Restano su LinkedIn finché lei non li rimuove.

links-heading = Ulteriori informazioni

## The manage view

manage-title = La sua connessione LinkedIn
manage-status-both-ways =
    Account connessi in entrambe le direzioni: Microsoft riceve i suoi dati LinkedIn e
    LinkedIn riceve dati dal suo account Microsoft.
manage-status-linkedin-only =
    Account connessi solo per i dati LinkedIn: Microsoft riceve i suoi dati LinkedIn e
    LinkedIn non riceve alcun dato dal suo account Microsoft.
manage-status-not-connected = Il suo account Microsoft e il suo account LinkedIn non sono connessi.
manage-stops-both-ways =
    «Disconnetti» revoca immediatamente entrambe le autorizzazioni: da quel momento
    Microsoft non riceve più i suoi dati LinkedIn e LinkedIn non riceve più dati dal suo
    account Microsoft.
manage-stops-linkedin-only =
    «Disconnetti» revoca immediatamente la sua autorizzazione: da quel momento Microsoft
    non riceve più i suoi dati LinkedIn.
manage-contacts-stay =
    I contatti già importati da LinkedIn restano su LinkedIn finché lei non li rimuove da
    lì.
manage-profile-visibility =
    Su LinkedIn può anche controllare la visualizzazione del suo profilo, inclusa la
    possibilità che venga visualizzato nelle app Microsoft.
manage-linkedin-help =
    La Guida di LinkedIn descrive come il suo account LinkedIn accede ai dati del suo
    account aziendale o dell’istituto di istruzione Microsoft.
manage-disconnect = Disconnetti
manage-connect = Connetti gli account
manage-close = Chiudi

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Informativa sulla privacy di Microsoft: come Microsoft usa i dati personali
link-linkedin-privacy = Informativa sulla privacy di LinkedIn: come LinkedIn usa i dati personali
link-eu-transfer = Trasferimenti di dati dall’Unione europea (Guida di LinkedIn)
link-remove-contacts = Rimuovere da LinkedIn i contatti importati (Guida di LinkedIn)
link-profile-visibility =
    Controllare la visualizzazione del proprio profilo LinkedIn (Guida di LinkedIn)
link-linkedin-help =
    LinkedIn nelle app Microsoft con l’account aziendale o dell’istituto di istruzione
    (Guida di LinkedIn)
link-help = Informazioni di LinkedIn nelle app e nei servizi Microsoft: domande e risposte

## When the tenant's policy leaves the user out

unavailable-policy-off =
    La sua organizzazione ha disattivato le connessioni degli account LinkedIn. La
    possibilità di connettere gli account dipende dall’amministratore della sua
    organizzazione.
unavailable-not-in-group =
    La sua organizzazione ha attivato le connessioni degli account LinkedIn solo per
    persone selezionate. La possibilità di connettere gli account dipende
    dall’amministratore della sua organizzazione.

## Asked again after the notice changed

changes-heading = Che cosa è cambiato dalla sua ultima scelta
changes-since-1 =
    Ora indichiamo con maggiore precisione che cosa riceve ciascuna parte: gli elenchi sono
    esempi, il suo calendario e i suoi contatti includono dati di altre persone, LinkedIn
    usa i suoi dati Microsoft per migliorare la sua esperienza di networking e, per i
    servizi di LinkedIn, possono circolare dati tra l’UE e gli Stati Uniti.
changes-unknown =
    Questa informativa è cambiata dalla sua ultima scelta: la preghiamo quindi di scegliere
    di nuovo.

## Feedback after a choice (not part of the notice's digest)

status-sending = Registrazione della scelta in corso…
status-queued =
    La sua scelta è salvata su questo dispositivo e verrà registrata quando la connessione
    sarà ripristinata.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = La sua scelta è stata registrata: { $choice }.
status-withdrawn = Registrato: i suoi account sono disconnessi.
# $reason: one of the reason-* messages below.
status-not-recorded = La sua scelta non è stata registrata: { $reason }
status-try-again = Riprova
status-dismiss = Ignora
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Registrato il { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    non è stato possibile raggiungere il servizio di consenso. Controlli la connessione e
    riprovi.
reason-refused = il servizio di consenso non l’ha accettata. Scelga di nuovo.
reason-notice-changed = questa informativa è cambiata. La legga di nuovo e scelga.
reason-signing = questo browser non è riuscito a firmare la sua scelta.
reason-expired = la richiesta è scaduta. Scelga di nuovo.
