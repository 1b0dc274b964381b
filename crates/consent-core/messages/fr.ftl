### Notice version 2, French (fr): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("comme", "tels que", "par exemple"). Product names (Microsoft, LinkedIn, Outlook,
### Skype, Office 365, Cortana, Bing for Business) stay untranslated. Formal register ("vous").

## The prompt

prompt-title = Connecter votre compte professionnel à LinkedIn ?
prompt-intro =
    Une fois votre compte professionnel ou scolaire Microsoft connecté à votre compte
    LinkedIn, certaines applications Microsoft, comme la carte de profil, peuvent afficher
    des informations provenant de LinkedIn. Vous choisissez ce que reçoit chaque partie.
prompt-choices-label = Comment souhaitez-vous connecter vos comptes ?

choice-both-ways = Connecter dans les deux sens
choice-linkedin-only = Données LinkedIn uniquement
choice-not-now = Pas maintenant

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft reçoit votre profil, vos centres d’intérêt, vos abonnements et vos relations
    LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn reçoit votre profil, votre calendrier, vos centres d’intérêt, vos abonnements et
    vos contacts Microsoft, afin d’améliorer et d’enrichir votre expérience de réseautage
    sur LinkedIn.
point-contacts-kept = LinkedIn conserve vos contacts jusqu’à ce que vous les supprimiez.
point-no-microsoft-data = LinkedIn ne reçoit aucune donnée de votre compte Microsoft.
point-not-now =
    Vos comptes restent non connectés : vous ne donnez à aucune des deux parties l’accès aux
    données de l’autre. Vous pourrez les connecter plus tard.

facts-heading = Avant de choisir
fact-retention =
    Les services Microsoft ne conservent pas de façon permanente les données provenant de
    LinkedIn. LinkedIn ne conserve pas de façon permanente les données de votre compte
    Microsoft, à l’exception de vos contacts : ils restent sur LinkedIn jusqu’à ce que vous
    les supprimiez.
fact-transfer =
    Pour les services de LinkedIn ainsi que pour le transfert et le stockage des données,
    des données peuvent circuler de l’Union européenne vers les États-Unis, et inversement.
    LinkedIn explique comment votre vie privée est protégée lors de ces transferts.
fact-control =
    Vous pouvez à tout moment déconnecter vos comptes et supprimer ces autorisations. Sur
    LinkedIn, vous contrôlez la façon dont votre propre profil est consulté, y compris s’il
    peut l’être dans les applications Microsoft.

## What each kind of data includes

details-heading = Ce que comprend chaque type de données
direction-linkedin-to-microsoft = De LinkedIn vers votre compte Microsoft
direction-linkedin-to-microsoft-when = Quel que soit le mode de connexion choisi.
direction-microsoft-to-linkedin = De votre compte Microsoft vers LinkedIn
direction-microsoft-to-linkedin-when = Uniquement si vous connectez vos comptes dans les deux sens.

category-profile = Profil
category-interests = Centres d’intérêt
category-subscriptions = Abonnements
category-connections = Relations
category-calendar = Calendrier
category-contacts = Contacts

linkedin-profile-includes =
    Votre identité LinkedIn, vos coordonnées et ce que vous partagez avec d’autres personnes
    sur votre profil LinkedIn.
linkedin-interests-includes =
    Vos centres d’intérêt sur LinkedIn, par exemple les personnes et les sujets que vous
    suivez, les cours, les groupes et les contenus que vous aimez et partagez.
linkedin-subscriptions-includes =
    Vos abonnements aux applications et services LinkedIn, avec les données qui y sont
    associées.
linkedin-connections-includes =
    Votre réseau LinkedIn, y compris les profils et les coordonnées de vos relations
    de 1er niveau.
linkedin-connections-others =
    Les profils et les coordonnées de vos relations sont des données concernant d’autres
    personnes.

microsoft-profile-includes =
    Des informations telles que vos prénom et nom, votre photo de profil, votre adresse
    e-mail, votre responsable et les personnes dont vous êtes le responsable.
microsoft-calendar-includes =
    Les réunions de vos calendriers, avec leurs horaires, leurs lieux et les coordonnées
    des participants.
microsoft-calendar-others =
    Les coordonnées des participants sont des données concernant d’autres personnes.
microsoft-calendar-excluded =
    Non incluses : les informations sur la réunion elle-même, telles que son titre, son
    ordre du jour ou son contenu.
microsoft-interests-includes =
    Les centres d’intérêt associés à votre compte, déduits de votre utilisation de services
    Microsoft tels que Cortana et Bing for Business.
microsoft-subscriptions-includes =
    Les abonnements aux applications et services Microsoft fournis par votre organisation,
    tels qu’Office 365.
microsoft-contacts-includes =
    Les listes de contacts d’Outlook, de Skype et d’autres services du compte Microsoft,
    y compris les coordonnées des personnes avec lesquelles vous communiquez ou travaillez
    souvent.
microsoft-contacts-others = Ces contacts sont des données concernant d’autres personnes.
microsoft-contacts-imported =
    LinkedIn les importe et les stocke périodiquement, et les utilise, par exemple, pour
    suggérer des relations, aider à organiser les contacts et afficher des actualités sur
    les contacts. Ils restent sur LinkedIn jusqu’à ce que vous les supprimiez.

links-heading = En savoir plus

## The manage view

manage-title = Votre connexion LinkedIn
manage-status-both-ways =
    Comptes connectés dans les deux sens : Microsoft reçoit vos données LinkedIn, et
    LinkedIn reçoit des données de votre compte Microsoft.
manage-status-linkedin-only =
    Comptes connectés pour les données LinkedIn uniquement : Microsoft reçoit vos données
    LinkedIn, et LinkedIn ne reçoit aucune donnée de votre compte Microsoft.
manage-status-not-connected =
    Votre compte Microsoft et votre compte LinkedIn ne sont pas connectés.
manage-stops-both-ways =
    « Déconnecter » retire immédiatement les deux autorisations : à partir de ce moment,
    Microsoft ne reçoit plus aucune de vos données LinkedIn, et LinkedIn ne reçoit plus
    aucune donnée de votre compte Microsoft.
manage-stops-linkedin-only =
    « Déconnecter » retire immédiatement votre autorisation : à partir de ce moment,
    Microsoft ne reçoit plus aucune de vos données LinkedIn.
manage-contacts-stay =
    Les contacts que LinkedIn a déjà importés restent sur LinkedIn jusqu’à ce que vous les
    y supprimiez.
manage-profile-visibility =
    Sur LinkedIn, vous pouvez également contrôler la façon dont votre propre profil est
    consulté, y compris s’il peut l’être dans les applications Microsoft.
manage-linkedin-help =
    L’aide LinkedIn explique comment votre compte LinkedIn accède aux données de votre
    compte professionnel ou scolaire Microsoft.
manage-disconnect = Déconnecter
manage-connect = Connecter les comptes
manage-close = Fermer

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy =
    Déclaration de confidentialité Microsoft : comment Microsoft utilise les données
    personnelles
link-linkedin-privacy =
    Politique de confidentialité de LinkedIn : comment LinkedIn utilise les données
    personnelles
link-eu-transfer = Transferts de données depuis l’Union européenne (aide LinkedIn)
link-remove-contacts = Supprimer de LinkedIn les contacts importés (aide LinkedIn)
link-profile-visibility =
    Contrôler la façon dont votre profil LinkedIn est consulté (aide LinkedIn)
link-linkedin-help =
    LinkedIn dans les applications Microsoft avec votre compte professionnel ou scolaire
    (aide LinkedIn)
link-help =
    Informations LinkedIn dans les applications et services Microsoft : questions et
    réponses

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Votre organisation a désactivé les connexions de comptes LinkedIn. C’est
    l’administrateur de votre organisation qui décide si vous pouvez connecter vos comptes.
unavailable-not-in-group =
    Votre organisation a activé les connexions de comptes LinkedIn uniquement pour
    certaines personnes sélectionnées. C’est l’administrateur de votre organisation qui
    décide si vous pouvez connecter vos comptes.

## Asked again after the notice changed

changes-heading = Ce qui a changé depuis votre dernier choix
changes-since-1 =
    Nous indiquons désormais plus précisément ce que reçoit chaque partie : les listes sont
    des exemples, votre calendrier et vos contacts comprennent des données concernant
    d’autres personnes, LinkedIn utilise vos données Microsoft pour améliorer votre
    expérience de réseautage, et des données peuvent circuler entre l’UE et les États-Unis
    pour les services de LinkedIn.
changes-unknown = Cet avis a changé depuis votre dernier choix. Veuillez donc choisir à nouveau.

## Feedback after a choice (not part of the notice's digest)

status-sending = Enregistrement de votre choix…
status-queued =
    Votre choix est sauvegardé sur cet appareil et sera enregistré dès que la connexion sera
    rétablie.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Votre choix est enregistré : { $choice }.
status-withdrawn = Enregistré : vos comptes sont déconnectés.
# $reason: one of the reason-* messages below.
status-not-recorded = Votre choix n’a pas été enregistré : { $reason }
status-try-again = Réessayer
status-dismiss = Ignorer
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Enregistré le { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    le service de consentement n’a pas pu être joint. Vérifiez votre connexion et
    réessayez.
reason-refused = le service de consentement ne l’a pas accepté. Veuillez choisir à nouveau.
reason-notice-changed = cet avis a changé. Veuillez le relire et faire votre choix.
reason-signing = ce navigateur n’a pas pu signer votre choix.
reason-expired = la demande a expiré. Veuillez choisir à nouveau.
