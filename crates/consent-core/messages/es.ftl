### Notice version 2, Spanish (es): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("como", "por ejemplo"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated. Formal register ("usted").

## The prompt

prompt-title = ¿Conectar su cuenta profesional con LinkedIn?
prompt-intro =
    Una vez que conecte su cuenta profesional o educativa de Microsoft con su cuenta de
    LinkedIn, algunas aplicaciones de Microsoft, como la tarjeta de perfil, podrán mostrar
    información de LinkedIn. Usted elige lo que recibe cada parte.
prompt-choices-label = ¿Cómo desea conectar sus cuentas?

choice-both-ways = Conectar en ambos sentidos
choice-linkedin-only = Solo datos de LinkedIn
choice-not-now = Ahora no

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft recibe su perfil, sus intereses, sus suscripciones y sus contactos de
    LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn recibe su perfil, su calendario, sus intereses, sus suscripciones y sus
    contactos de Microsoft, para mejorar y enriquecer su experiencia de networking en
    LinkedIn.
point-contacts-kept = LinkedIn conserva sus contactos hasta que usted los elimine.
point-no-microsoft-data = LinkedIn no recibe ningún dato de su cuenta de Microsoft.
point-not-now =
    Sus cuentas permanecen sin conectar: no da a ninguna de las partes acceso a los datos
    de la otra. Puede conectarlas más adelante.

facts-heading = Antes de elegir
fact-retention =
    Los servicios de Microsoft no conservan de forma permanente los datos de LinkedIn.
    LinkedIn no conserva de forma permanente los datos de su cuenta de Microsoft, excepto
    sus contactos: estos permanecen en LinkedIn hasta que usted los elimine.
fact-transfer =
    Para los servicios de LinkedIn y para la transferencia y el almacenamiento de datos,
    pueden circular datos desde la Unión Europea hacia los Estados Unidos y viceversa.
    LinkedIn describe cómo se protege su privacidad en estas transferencias.
fact-control =
    Puede desconectar sus cuentas y quitar estos permisos en cualquier momento. En LinkedIn,
    usted controla cómo se muestra su propio perfil, incluido si se puede ver en las
    aplicaciones de Microsoft.

## What each kind of data includes

details-heading = Qué incluye cada tipo de datos
direction-linkedin-to-microsoft = De LinkedIn a su cuenta de Microsoft
direction-linkedin-to-microsoft-when = Con cualquiera de las dos formas de conexión.
direction-microsoft-to-linkedin = De su cuenta de Microsoft a LinkedIn
direction-microsoft-to-linkedin-when = Solo si conecta las cuentas en ambos sentidos.

category-profile = Perfil
category-interests = Intereses
category-subscriptions = Suscripciones
category-connections = Contactos
category-calendar = Calendario
category-contacts = Contactos

linkedin-profile-includes =
    Su identidad de LinkedIn, su información de contacto y lo que comparte con otras
    personas en su perfil de LinkedIn.
linkedin-interests-includes =
    Sus intereses en LinkedIn, por ejemplo, personas y temas que sigue, cursos, grupos y
    contenido que le gusta y que comparte.
linkedin-subscriptions-includes =
    Sus suscripciones a aplicaciones y servicios de LinkedIn, con los datos
    correspondientes.
linkedin-connections-includes =
    Su red de LinkedIn, incluidos los perfiles y la información de contacto de sus
    contactos de 1er grado.
linkedin-connections-others =
    Los perfiles y la información de contacto de sus contactos son datos de otras personas.

microsoft-profile-includes =
    Información como su nombre y apellidos, su foto de perfil, su dirección de correo
    electrónico, su responsable y las personas a su cargo.
microsoft-calendar-includes =
    Las reuniones de sus calendarios, con la hora y el lugar de cada una y la información de
    contacto de los asistentes.
microsoft-calendar-others =
    La información de contacto de los asistentes corresponde a datos de otras personas.
microsoft-calendar-excluded =
    No se incluye: información sobre la propia reunión, como su título, su orden del día o
    su contenido.
microsoft-interests-includes =
    Intereses asociados a su cuenta, deducidos de su uso de servicios de Microsoft como
    Cortana y Bing for Business.
microsoft-subscriptions-includes =
    Suscripciones a aplicaciones y servicios de Microsoft que proporciona su organización,
    como Office 365.
microsoft-contacts-includes =
    Listas de contactos de Outlook, Skype y otros servicios de la cuenta de Microsoft,
    incluida la información de contacto de las personas con las que se comunica o trabaja
    a menudo.
microsoft-contacts-others = Estos contactos son datos de otras personas.
microsoft-contacts-imported =
    LinkedIn los importa y almacena periódicamente, y los usa, por ejemplo, para sugerir
    contactos, ayudar a organizar los contactos y mostrar novedades sobre los contactos.
    Permanecen en LinkedIn hasta que usted los elimine.

links-heading = Más información

## The manage view

manage-title = Su conexión con LinkedIn
manage-status-both-ways =
    Cuentas conectadas en ambos sentidos: Microsoft recibe sus datos de LinkedIn y LinkedIn
    recibe datos de su cuenta de Microsoft.
manage-status-linkedin-only =
    Cuentas conectadas solo para datos de LinkedIn: Microsoft recibe sus datos de LinkedIn
    y LinkedIn no recibe ningún dato de su cuenta de Microsoft.
manage-status-not-connected = Su cuenta de Microsoft y su cuenta de LinkedIn no están conectadas.
manage-stops-both-ways =
    «Desconectar» retira ambos permisos de inmediato: a partir de ese momento, Microsoft
    deja de recibir sus datos de LinkedIn y LinkedIn deja de recibir datos de su cuenta de
    Microsoft.
manage-stops-linkedin-only =
    «Desconectar» retira su permiso de inmediato: a partir de ese momento, Microsoft deja
    de recibir sus datos de LinkedIn.
manage-contacts-stay =
    Los contactos que LinkedIn ya ha importado permanecen en LinkedIn hasta que usted los
    elimine allí.
manage-profile-visibility =
    En LinkedIn también puede controlar cómo se muestra su propio perfil, incluido si se
    puede ver en las aplicaciones de Microsoft.
manage-linkedin-help =
    La ayuda de LinkedIn describe cómo su cuenta de LinkedIn accede a los datos de su
    cuenta profesional o educativa de Microsoft.
manage-disconnect = Desconectar
manage-connect = Conectar cuentas
manage-close = Cerrar

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy =
    Declaración de privacidad de Microsoft: cómo usa Microsoft los datos personales
link-linkedin-privacy = Política de privacidad de LinkedIn: cómo usa LinkedIn los datos personales
link-eu-transfer = Transferencias de datos de la Unión Europea (ayuda de LinkedIn)
link-remove-contacts = Eliminar de LinkedIn los contactos importados (ayuda de LinkedIn)
link-profile-visibility = Controlar cómo se muestra su perfil de LinkedIn (ayuda de LinkedIn)
link-linkedin-help =
    LinkedIn en aplicaciones de Microsoft con su cuenta profesional o educativa (ayuda de
    LinkedIn)
link-help =
    Información de LinkedIn en aplicaciones y servicios de Microsoft: preguntas y
    respuestas

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Su organización ha desactivado las conexiones de cuentas de LinkedIn. El administrador
    de su organización decide si usted puede conectar sus cuentas.
unavailable-not-in-group =
    Su organización ha activado las conexiones de cuentas de LinkedIn solo para personas
    seleccionadas. El administrador de su organización decide si usted puede conectar sus
    cuentas.

## Asked again after the notice changed

changes-heading = Qué ha cambiado desde su última elección
changes-since-1 =
    Ahora indicamos con más precisión lo que recibe cada parte: las listas son ejemplos, su
    calendario y sus contactos incluyen datos de otras personas, LinkedIn usa sus datos de
    Microsoft para mejorar su experiencia de networking y pueden circular datos entre la UE
    y los EE. UU. para los servicios de LinkedIn.
changes-unknown =
    Este aviso ha cambiado desde su última elección, por lo que le pedimos que vuelva a
    elegir.

## Feedback after a choice (not part of the notice's digest)

status-sending = Registrando su elección…
status-queued =
    Su elección se ha guardado en este dispositivo y se registrará cuando se restablezca la
    conexión.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Su elección se ha registrado: { $choice }.
status-withdrawn = Registrado: sus cuentas están desconectadas.
# $reason: one of the reason-* messages below.
status-not-recorded = Su elección no se ha registrado: { $reason }
status-try-again = Reintentar
status-dismiss = Descartar
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Registrado el { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    no se pudo contactar con el servicio de consentimiento. Compruebe su conexión y vuelva
    a intentarlo.
reason-refused = el servicio de consentimiento no la aceptó. Vuelva a elegir, por favor.
reason-notice-changed = este aviso ha cambiado. Vuelva a leerlo y elija.
reason-signing = este navegador no pudo firmar su elección.
reason-expired = la solicitud ha caducado. Vuelva a elegir, por favor.
