### Notice version 2, Simplified Chinese (zh-Hans): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here ("例如").
### Product names (Microsoft, LinkedIn, Outlook, Skype, Office 365, Cortana,
### Bing for Business) stay untranslated.
### Values stay on one line: a line break would show as a stray space.

## The prompt

prompt-title = 要将您的工作帐户与 LinkedIn 连接吗？
prompt-intro = 将您的 Microsoft 工作或学校帐户与 LinkedIn 帐户连接后，某些 Microsoft 应用（例如个人资料卡）可以显示来自 LinkedIn 的信息。由您选择每一方获取哪些内容。
prompt-choices-label = 您希望如何连接？

choice-both-ways = 双向连接
choice-linkedin-only = 仅 LinkedIn 数据
choice-not-now = 暂不连接

# Shown under both ways of connecting.
point-linkedin-to-microsoft = Microsoft 会获取您的 LinkedIn 个人资料、兴趣、订阅和人脉。
point-microsoft-to-linkedin = LinkedIn 会获取您的 Microsoft 个人资料、日历、兴趣、订阅和联系人，以改善和丰富您在 LinkedIn 上的人脉拓展体验。
point-contacts-kept = LinkedIn 会保留您的联系人，直到您将其删除。
point-no-microsoft-data = LinkedIn 不会从您的 Microsoft 帐户获取任何数据。
point-not-now = 您的帐户保持未连接状态：您不会向任何一方授予访问另一方数据的权限。您可以稍后再连接。

facts-heading = 在您做出选择之前
fact-retention = Microsoft 服务不会永久保留来自 LinkedIn 的数据。LinkedIn 不会永久保留来自您的 Microsoft 帐户的数据，但联系人除外：联系人会保留在 LinkedIn 上，直到您将其删除。
fact-transfer = 出于 LinkedIn 服务以及数据传输和存储的需要，数据可能会从欧盟流向美国，也可能从美国流回欧盟。LinkedIn 说明了在这些传输中如何保护您的隐私。
fact-control = 您可以随时断开连接并删除这些权限。在 LinkedIn 上，您可以控制自己个人资料的显示方式，包括是否可以在 Microsoft 应用中查看。

## What each kind of data includes

details-heading = 各类数据包括哪些内容
direction-linkedin-to-microsoft = 从 LinkedIn 到您的 Microsoft 帐户
direction-linkedin-to-microsoft-when = 两种连接方式均适用。
direction-microsoft-to-linkedin = 从您的 Microsoft 帐户到 LinkedIn
direction-microsoft-to-linkedin-when = 仅在您选择双向连接时适用。

category-profile = 个人资料
category-interests = 兴趣
category-subscriptions = 订阅
category-connections = 人脉
category-calendar = 日历
category-contacts = 联系人

linkedin-profile-includes = 您的 LinkedIn 身份、您的联系信息，以及您在 LinkedIn 个人资料中与他人分享的内容。
linkedin-interests-includes = 您在 LinkedIn 上的兴趣，例如您关注的人员和主题、课程、小组，以及您点赞和分享的内容。
linkedin-subscriptions-includes = 您对 LinkedIn 应用和服务的订阅，以及与之相关的数据。
linkedin-connections-includes = 您的 LinkedIn 人脉网络，包括您的一度人脉的个人资料和联系信息。
linkedin-connections-others = 您的人脉的个人资料和联系信息属于他人的数据。

microsoft-profile-includes = 例如您的名字和姓氏、个人资料照片、电子邮件地址、您的经理以及您管理的人员等信息。
microsoft-calendar-includes = 您日历中的会议，包括会议时间、地点以及参与者的联系信息。
microsoft-calendar-others = 参与者的联系信息属于他人的数据。
microsoft-calendar-excluded = 不包括：会议本身的信息，例如会议标题、议程或内容。
microsoft-interests-includes = 与您的帐户关联的兴趣，根据您对 Cortana 和 Bing for Business 等 Microsoft 服务的使用情况推断得出。
microsoft-subscriptions-includes = 您的组织提供的 Microsoft 应用和服务订阅，例如 Office 365。
microsoft-contacts-includes = Outlook、Skype 及其他 Microsoft 帐户服务中的联系人列表，包括您经常与之沟通或合作的人员的联系信息。
microsoft-contacts-others = 这些联系人属于他人的数据。
microsoft-contacts-imported = LinkedIn 会定期导入并存储这些联系人，并将其用于例如推荐人脉、帮助整理联系人以及显示联系人动态等用途。这些联系人会保留在 LinkedIn 上，直到您将其删除。

links-heading = 了解详细信息

## The manage view

manage-title = 您的 LinkedIn 连接
manage-status-both-ways = 已双向连接：Microsoft 会获取您的 LinkedIn 数据，LinkedIn 会获取来自您的 Microsoft 帐户的数据。
manage-status-linkedin-only = 已连接（仅 LinkedIn 数据）：Microsoft 会获取您的 LinkedIn 数据，LinkedIn 不会从您的 Microsoft 帐户获取任何数据。
manage-status-not-connected = 您的 Microsoft 帐户和 LinkedIn 帐户未连接。
manage-stops-both-ways = 断开连接会立即撤销这两项权限：此后，Microsoft 将不再获取您的 LinkedIn 数据，LinkedIn 也将不再获取来自您的 Microsoft 帐户的数据。
manage-stops-linkedin-only = 断开连接会立即撤销您的权限：此后，Microsoft 将不再获取您的 LinkedIn 数据。
manage-contacts-stay = LinkedIn 已导入的联系人会保留在 LinkedIn 上，直到您在 LinkedIn 上将其删除。
manage-profile-visibility = 在 LinkedIn 上，您还可以控制自己个人资料的显示方式，包括是否可以在 Microsoft 应用中查看。
manage-linkedin-help = LinkedIn 帮助介绍了您的 LinkedIn 帐户如何访问来自您的 Microsoft 工作或学校帐户的数据。
manage-disconnect = 断开连接
manage-connect = 连接帐户
manage-close = 关闭

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Microsoft 隐私声明：Microsoft 如何使用个人数据
link-linkedin-privacy = LinkedIn 隐私政策：LinkedIn 如何使用个人数据
link-eu-transfer = 欧盟数据传输（LinkedIn 帮助）
link-remove-contacts = 从 LinkedIn 中删除已导入的联系人（LinkedIn 帮助）
link-profile-visibility = 控制 LinkedIn 个人资料的显示方式（LinkedIn 帮助）
link-linkedin-help = 使用工作或学校帐户时 Microsoft 应用中的 LinkedIn（LinkedIn 帮助）
link-help = Microsoft 应用和服务中的 LinkedIn 信息：问题与解答

## When the tenant's policy leaves the user out

unavailable-policy-off = 您的组织已关闭 LinkedIn 帐户连接。您能否连接由您组织的管理员决定。
unavailable-not-in-group = 您的组织仅为选定的人员开启了 LinkedIn 帐户连接。您能否连接由您组织的管理员决定。

## Asked again after the notice changed

changes-heading = 自您上次选择以来的变更
changes-since-1 = 我们现在更准确地说明了每一方获取的内容：所列内容为示例；您的日历和联系人包含他人的数据；LinkedIn 会使用您的 Microsoft 数据来改善您的人脉拓展体验；出于 LinkedIn 服务的需要，数据可能会在欧盟和美国之间流动。
changes-unknown = 自您上次选择以来，本通知已有更改，因此请重新选择。

## Feedback after a choice (not part of the notice's digest)

status-sending = 正在记录您的选择…
status-queued = 您的选择已保存在此设备上，将在连接恢复后记录。
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = 已记录您的选择：{ $choice }。
status-withdrawn = 已记录：您的帐户已断开连接。
# $reason: one of the reason-* messages below.
status-not-recorded = 未能记录您的选择：{ $reason }
status-try-again = 重试
status-dismiss = 忽略
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = 记录于 { $date }。

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = 无法连接到同意服务。请检查您的网络连接，然后重试。
reason-refused = 同意服务未接受您的选择。请重新选择。
reason-notice-changed = 本通知已更改。请重新阅读并做出选择。
reason-signing = 此浏览器无法对您的选择进行签名。
reason-expired = 请求已过期。请重新选择。
