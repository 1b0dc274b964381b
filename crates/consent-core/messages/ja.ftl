### Notice version 2, Japanese (ja): translated from en.ftl.
### Examples in the source ("such as", "for example") stay examples here
### ("など", "たとえば"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated.
### Values stay on one line: a line break would show as a stray space.

## The prompt

prompt-title = 職場アカウントを LinkedIn に接続しますか？
prompt-intro = 職場または学校の Microsoft アカウントを LinkedIn アカウントに接続すると、プロファイル カードなど、一部の Microsoft アプリで LinkedIn の情報を表示できるようになります。それぞれの側が何を受け取るかは、ご自身で選択できます。
prompt-choices-label = どのように接続しますか？

choice-both-ways = 双方向に接続
choice-linkedin-only = LinkedIn のデータのみ
choice-not-now = 今はしない

# Shown under both ways of connecting.
point-linkedin-to-microsoft = Microsoft は、LinkedIn のプロフィール、関心事、サブスクリプション、つながりを受け取ります。
point-microsoft-to-linkedin = LinkedIn は、LinkedIn でのネットワーキング エクスペリエンスを向上させ、充実させるために、Microsoft のプロフィール、予定表、関心事、サブスクリプション、連絡先を受け取ります。
point-contacts-kept = LinkedIn は、ご自身で削除するまで連絡先を保持します。
point-no-microsoft-data = LinkedIn は、Microsoft アカウントのデータを一切受け取りません。
point-not-now = アカウントは接続されないままです。どちらの側にも、もう一方のデータへのアクセスを許可しません。後で接続することもできます。

facts-heading = 選択する前に
fact-retention = Microsoft のサービスは、LinkedIn のデータを永続的には保持しません。LinkedIn は、Microsoft アカウントのデータを永続的には保持しません。ただし連絡先は例外で、ご自身で削除するまで LinkedIn に保持されます。
fact-transfer = LinkedIn のサービス、データ転送、データ保存のために、データが欧州連合 (EU) から米国へ、また米国から EU へ移動することがあります。これらの転送においてプライバシーがどのように保護されるかは、LinkedIn が説明しています。
fact-control = いつでも接続を解除し、これらのアクセス許可を削除できます。LinkedIn では、Microsoft アプリで表示できるかどうかも含め、ご自身のプロフィールの表示方法を管理できます。

## What each kind of data includes

details-heading = データの種類ごとの内容
direction-linkedin-to-microsoft = LinkedIn から Microsoft アカウントへ
direction-linkedin-to-microsoft-when = どちらの方法で接続した場合も該当します。
direction-microsoft-to-linkedin = Microsoft アカウントから LinkedIn へ
direction-microsoft-to-linkedin-when = 双方向に接続した場合のみ該当します。

category-profile = プロフィール
category-interests = 関心事
category-subscriptions = サブスクリプション
category-connections = つながり
category-calendar = 予定表
category-contacts = 連絡先

linkedin-profile-includes = LinkedIn での ID、連絡先情報、および LinkedIn プロフィールで他のユーザーと共有している情報です。
linkedin-interests-includes = LinkedIn での関心事です。たとえば、フォローしているユーザーやトピック、コース、グループ、「いいね」やシェアをしたコンテンツなどです。
linkedin-subscriptions-includes = LinkedIn のアプリやサービスのサブスクリプションと、それに関連するデータです。
linkedin-connections-includes = LinkedIn のネットワークです。1次のつながりのプロフィールや連絡先情報も含まれます。
linkedin-connections-others = つながりのプロフィールと連絡先情報は、他の人のデータです。

microsoft-profile-includes = 姓名、プロフィール写真、メール アドレス、上司、部下などの情報です。
microsoft-calendar-includes = 予定表の会議と、その日時、場所、出席者の連絡先情報です。
microsoft-calendar-others = 出席者の連絡先情報は、他の人のデータです。
microsoft-calendar-excluded = 会議そのものに関する情報 (件名、議題、内容など) は含まれません。
microsoft-interests-includes = Cortana や Bing for Business などの Microsoft サービスの利用状況から推測される、アカウントに関連付けられた関心事です。
microsoft-subscriptions-includes = 組織が提供する、Office 365 などの Microsoft アプリやサービスのサブスクリプションです。
microsoft-contacts-includes = Outlook、Skype、その他の Microsoft アカウント サービスの連絡先リストです。頻繁にやり取りしたり一緒に仕事をしたりする人の連絡先情報も含まれます。
microsoft-contacts-others = これらの連絡先は、他の人のデータです。
microsoft-contacts-imported = LinkedIn はこれらを定期的にインポートして保存し、たとえばつながりの候補の提示、連絡先の整理の支援、連絡先に関する最新情報の表示などに使用します。これらは、ご自身で削除するまで LinkedIn に保持されます。

links-heading = 詳細情報

## The manage view

manage-title = LinkedIn との接続
manage-status-both-ways = 双方向に接続されています。Microsoft は LinkedIn のデータを受け取り、LinkedIn は Microsoft アカウントのデータを受け取ります。
manage-status-linkedin-only = LinkedIn のデータのみを対象に接続されています。Microsoft は LinkedIn のデータを受け取り、LinkedIn は Microsoft アカウントのデータを一切受け取りません。
manage-status-not-connected = Microsoft アカウントと LinkedIn アカウントは接続されていません。
manage-stops-both-ways = 接続を解除すると、両方のアクセス許可が直ちに取り消されます。それ以降、Microsoft は LinkedIn のデータをそれ以上受け取らず、LinkedIn も Microsoft アカウントのデータをそれ以上受け取りません。
manage-stops-linkedin-only = 接続を解除すると、アクセス許可が直ちに取り消されます。それ以降、Microsoft は LinkedIn のデータをそれ以上受け取りません。
manage-contacts-stay = LinkedIn にインポート済みの連絡先は、LinkedIn 上でご自身で削除するまで LinkedIn に保持されます。
manage-profile-visibility = LinkedIn では、Microsoft アプリで表示できるかどうかも含め、ご自身のプロフィールの表示方法を管理することもできます。
manage-linkedin-help = LinkedIn アカウントが職場または学校の Microsoft アカウントのデータにどのようにアクセスするかについては、LinkedIn のヘルプで説明しています。
manage-disconnect = 接続を解除
manage-connect = アカウントを接続
manage-close = 閉じる

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = Microsoft のプライバシーに関する声明: Microsoft による個人データの使用方法
link-linkedin-privacy = LinkedIn プライバシーポリシー: LinkedIn による個人データの使用方法
link-eu-transfer = 欧州連合からのデータ転送 (LinkedIn ヘルプ)
link-remove-contacts = インポートした連絡先を LinkedIn から削除する (LinkedIn ヘルプ)
link-profile-visibility = LinkedIn プロフィールの表示方法を管理する (LinkedIn ヘルプ)
link-linkedin-help = 職場または学校アカウントで使用する Microsoft アプリの LinkedIn (LinkedIn ヘルプ)
link-help = Microsoft のアプリとサービスにおける LinkedIn の情報: 質問と回答

## When the tenant's policy leaves the user out

unavailable-policy-off = 組織で LinkedIn アカウントの接続が無効にされています。接続できるかどうかは、組織の管理者が決定します。
unavailable-not-in-group = 組織で LinkedIn アカウントの接続が、選択されたユーザーに対してのみ有効にされています。接続できるかどうかは、組織の管理者が決定します。

## Asked again after the notice changed

changes-heading = 前回の選択以降の変更点
changes-since-1 = それぞれの側が受け取るものを、より正確に説明するようになりました。一覧は例であること、予定表と連絡先には他の人のデータが含まれること、LinkedIn はネットワーキング エクスペリエンスを向上させるために Microsoft のデータを使用すること、LinkedIn のサービスのためにデータが EU と米国の間で移動することがあることを記載しています。
changes-unknown = 前回の選択以降にこの通知が変更されたため、もう一度選択してください。

## Feedback after a choice (not part of the notice's digest)

status-sending = 選択内容を記録しています…
status-queued = 選択内容はこのデバイスに保存されました。接続が回復すると記録されます。
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = 選択内容が記録されました: { $choice }
status-withdrawn = 記録されました: アカウントの接続は解除されています。
# $reason: one of the reason-* messages below.
status-not-recorded = 選択内容は記録されませんでした: { $reason }
status-try-again = 再試行
status-dismiss = 非表示
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = { $date } に記録されました。

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = 同意サービスに接続できませんでした。接続を確認して、もう一度お試しください。
reason-refused = 同意サービスで受け付けられませんでした。もう一度選択してください。
reason-notice-changed = この通知が変更されました。もう一度お読みになり、選択してください。
reason-signing = このブラウザーで選択内容に署名できませんでした。
reason-expired = 要求の有効期限が切れました。もう一度選択してください。
