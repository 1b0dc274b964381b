### Notice version 2, Brazilian Portuguese (pt-BR): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("como", "por exemplo"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated. Register: "você".

## The prompt

prompt-title = Conectar sua conta corporativa ao LinkedIn?
prompt-intro =
    Depois que você conectar sua conta corporativa ou de estudante da Microsoft à sua conta
    do LinkedIn, alguns aplicativos da Microsoft, como o cartão de perfil, poderão mostrar
    informações do LinkedIn. Você escolhe o que cada lado recebe.
prompt-choices-label = Como você deseja conectar as contas?

choice-both-ways = Conectar nos dois sentidos
choice-linkedin-only = Somente dados do LinkedIn
choice-not-now = Agora não

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    A Microsoft recebe seu perfil, seus interesses, suas assinaturas e suas conexões do
    LinkedIn.
point-microsoft-to-linkedin =
    O LinkedIn recebe seu perfil, seu calendário, seus interesses, suas assinaturas e seus
    contatos da Microsoft, para melhorar e enriquecer sua experiência de networking no
    LinkedIn.
point-contacts-kept = O LinkedIn mantém seus contatos até que você os remova.
point-no-microsoft-data = O LinkedIn não recebe nenhum dado da sua conta Microsoft.
point-not-now =
    Suas contas continuam desconectadas: você não dá a nenhum dos lados acesso aos dados do
    outro. Você pode conectá-las mais tarde.

facts-heading = Antes de escolher
fact-retention =
    Os serviços da Microsoft não mantêm permanentemente os dados do LinkedIn. O LinkedIn
    não mantém permanentemente os dados da sua conta Microsoft, exceto seus contatos: eles
    permanecem no LinkedIn até que você os remova.
fact-transfer =
    Para os serviços do LinkedIn e para a transferência e o armazenamento de dados, dados
    podem circular da União Europeia para os Estados Unidos e vice-versa. O LinkedIn
    descreve como sua privacidade é protegida nessas transferências.
fact-control =
    Você pode desconectar as contas e remover essas permissões a qualquer momento. No
    LinkedIn, você controla como seu próprio perfil é visualizado, inclusive se ele pode
    ser visualizado em aplicativos da Microsoft.

## What each kind of data includes

details-heading = O que cada tipo de dado inclui
direction-linkedin-to-microsoft = Do LinkedIn para sua conta Microsoft
direction-linkedin-to-microsoft-when = Em qualquer uma das formas de conexão.
direction-microsoft-to-linkedin = Da sua conta Microsoft para o LinkedIn
direction-microsoft-to-linkedin-when = Somente se você conectar as contas nos dois sentidos.

category-profile = Perfil
category-interests = Interesses
category-subscriptions = Assinaturas
category-connections = Conexões
category-calendar = Calendário
category-contacts = Contatos

linkedin-profile-includes =
    Sua identidade no LinkedIn, suas informações de contato e o que você compartilha com
    outras pessoas no seu perfil do LinkedIn.
linkedin-interests-includes =
    Seus interesses no LinkedIn, por exemplo, pessoas e assuntos que você segue, cursos,
    grupos e conteúdos que você curte e compartilha.
linkedin-subscriptions-includes =
    Suas assinaturas de aplicativos e serviços do LinkedIn, com os dados relacionados a
    elas.
linkedin-connections-includes =
    Sua rede no LinkedIn, incluindo os perfis e as informações de contato das suas
    conexões de 1º grau.
linkedin-connections-others =
    Os perfis e as informações de contato das suas conexões são dados de outras pessoas.

microsoft-profile-includes =
    Informações como seu nome e sobrenome, foto do perfil, endereço de email, seu gerente e
    as pessoas que você gerencia.
microsoft-calendar-includes =
    As reuniões nos seus calendários, com o horário e o local de cada uma e as informações
    de contato dos participantes.
microsoft-calendar-others =
    As informações de contato dos participantes são dados de outras pessoas.
microsoft-calendar-excluded =
    Não incluídas: informações sobre a própria reunião, como título, pauta ou conteúdo.
microsoft-interests-includes =
    Interesses associados à sua conta, inferidos do seu uso de serviços da Microsoft, como
    a Cortana e o Bing for Business.
microsoft-subscriptions-includes =
    Assinaturas de aplicativos e serviços da Microsoft fornecidas pela sua organização,
    como o Office 365.
microsoft-contacts-includes =
    Listas de contatos no Outlook, no Skype e em outros serviços da conta Microsoft,
    incluindo as informações de contato de pessoas com quem você se comunica ou trabalha
    com frequência.
microsoft-contacts-others = Esses contatos são dados de outras pessoas.
microsoft-contacts-imported =
    O LinkedIn os importa e armazena periodicamente e os usa, por exemplo, para sugerir
    conexões, ajudar a organizar contatos e mostrar atualizações sobre contatos. Eles
    permanecem no LinkedIn até que você os remova.

links-heading = Saiba mais

## The manage view

manage-title = Sua conexão com o LinkedIn
manage-status-both-ways =
    Contas conectadas nos dois sentidos: a Microsoft recebe seus dados do LinkedIn e o
    LinkedIn recebe dados da sua conta Microsoft.
manage-status-linkedin-only =
    Contas conectadas somente para dados do LinkedIn: a Microsoft recebe seus dados do
    LinkedIn e o LinkedIn não recebe nenhum dado da sua conta Microsoft.
manage-status-not-connected = Sua conta Microsoft e sua conta do LinkedIn não estão conectadas.
manage-stops-both-ways =
    “Desconectar” retira as duas permissões imediatamente: a partir daí, a Microsoft não
    recebe mais seus dados do LinkedIn e o LinkedIn não recebe mais dados da sua conta
    Microsoft.
manage-stops-linkedin-only =
    “Desconectar” retira sua permissão imediatamente: a partir daí, a Microsoft não recebe
    mais seus dados do LinkedIn.
manage-contacts-stay =
    Os contatos que o LinkedIn já importou permanecem no LinkedIn até que você os remova
    de lá.
manage-profile-visibility =
    No LinkedIn, você também pode controlar como seu próprio perfil é visualizado,
    inclusive se ele pode ser visualizado em aplicativos da Microsoft.
manage-linkedin-help =
    A Ajuda do LinkedIn descreve como sua conta do LinkedIn acessa dados da sua conta
    corporativa ou de estudante da Microsoft.
manage-disconnect = Desconectar
manage-connect = Conectar contas
manage-close = Fechar

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy =
    Política de Privacidade da Microsoft: como a Microsoft usa dados pessoais
link-linkedin-privacy = Política de Privacidade do LinkedIn: como o LinkedIn usa dados pessoais
link-eu-transfer = Transferências de dados da União Europeia (Ajuda do LinkedIn)
link-remove-contacts = Remover do LinkedIn os contatos importados (Ajuda do LinkedIn)
link-profile-visibility =
    Controlar como seu perfil do LinkedIn é visualizado (Ajuda do LinkedIn)
link-linkedin-help =
    LinkedIn em aplicativos da Microsoft com sua conta corporativa ou de estudante (Ajuda
    do LinkedIn)
link-help =
    Informações do LinkedIn em aplicativos e serviços da Microsoft: perguntas e respostas

## When the tenant's policy leaves the user out

unavailable-policy-off =
    Sua organização desativou as conexões de contas do LinkedIn. Cabe ao administrador da
    sua organização decidir se você pode conectar as contas.
unavailable-not-in-group =
    Sua organização ativou as conexões de contas do LinkedIn somente para pessoas
    selecionadas. Cabe ao administrador da sua organização decidir se você pode conectar
    as contas.

## Asked again after the notice changed

changes-heading = O que mudou desde sua última escolha
changes-since-1 =
    Agora informamos com mais precisão o que cada lado recebe: as listas são exemplos, seu
    calendário e seus contatos incluem dados de outras pessoas, o LinkedIn usa seus dados
    da Microsoft para melhorar sua experiência de networking e dados podem circular entre
    a UE e os EUA para os serviços do LinkedIn.
changes-unknown = Este aviso mudou desde sua última escolha. Por isso, escolha novamente.

## Feedback after a choice (not part of the notice's digest)

status-sending = Registrando sua escolha…
status-queued =
    Sua escolha foi salva neste dispositivo e será registrada quando a conexão voltar.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = Sua escolha foi registrada: { $choice }.
status-withdrawn = Registrado: suas contas estão desconectadas.
# $reason: one of the reason-* messages below.
status-not-recorded = Sua escolha não foi registrada: { $reason }
status-try-again = Tentar novamente
status-dismiss = Descartar
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = Registrado em { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable =
    não foi possível acessar o serviço de consentimento. Verifique sua conexão e tente
    novamente.
reason-refused = o serviço de consentimento não a aceitou. Escolha novamente.
reason-notice-changed = este aviso mudou. Leia-o novamente e faça sua escolha.
reason-signing = este navegador não conseguiu assinar sua escolha.
reason-expired = a solicitação expirou. Escolha novamente.
