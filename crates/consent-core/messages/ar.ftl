### Notice version 2, Arabic (ar): translated from en.ftl (Modern Standard Arabic).
### Examples in the source ("such as", "for example") stay examples here
### ("مثل", "على سبيل المثال"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated, in Latin script.

## The prompt

prompt-title = هل تريد ربط حساب العمل الخاص بك بـ LinkedIn؟
prompt-intro =
    بمجرد ربط حساب العمل أو المؤسسة التعليمية الخاص بك في Microsoft بحسابك على LinkedIn،
    يمكن لبعض تطبيقات Microsoft، مثل بطاقة الملف الشخصي، عرض معلومات من LinkedIn. وأنت
    من يختار ما يحصل عليه كل طرف.
prompt-choices-label = كيف تريد الربط؟

choice-both-ways = الربط في الاتجاهين
choice-linkedin-only = بيانات LinkedIn فقط
choice-not-now = ليس الآن

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    تحصل Microsoft على ملفك الشخصي واهتماماتك واشتراكاتك وعلاقاتك على LinkedIn.
point-microsoft-to-linkedin =
    يحصل LinkedIn على ملفك الشخصي في Microsoft وتقويمك واهتماماتك واشتراكاتك وجهات
    اتصالك، لتحسين تجربتك في التواصل المهني على LinkedIn وإثرائها.
point-contacts-kept = يحتفظ LinkedIn بجهات اتصالك إلى أن تزيلها.
point-no-microsoft-data = لا يحصل LinkedIn على أي بيانات من حسابك في Microsoft.
point-not-now =
    يظل حساباك غير مرتبطين: فلا تمنح أيًّا من الطرفين حق الوصول إلى بيانات الطرف الآخر.
    ويمكنك الربط لاحقًا.

facts-heading = قبل أن تختار
fact-retention =
    لا تحتفظ خدمات Microsoft بالبيانات الواردة من LinkedIn بشكل دائم. ولا يحتفظ LinkedIn
    بالبيانات الواردة من حسابك في Microsoft بشكل دائم، باستثناء جهات اتصالك: إذ تبقى على
    LinkedIn إلى أن تزيلها.
fact-transfer =
    لأغراض خدمات LinkedIn ونقل البيانات وتخزينها، قد تنتقل البيانات من الاتحاد الأوروبي
    إلى الولايات المتحدة والعكس. ويوضح LinkedIn كيفية حماية خصوصيتك في عمليات النقل هذه.
fact-control =
    يمكنك في أي وقت إلغاء الربط وإزالة هذه الأذونات. وعلى LinkedIn، تتحكم في كيفية عرض
    ملفك الشخصي، بما في ذلك ما إذا كان يمكن عرضه في تطبيقات Microsoft.

## What each kind of data includes

details-heading = ما يشمله كل نوع من البيانات
direction-linkedin-to-microsoft = من LinkedIn إلى حسابك في Microsoft
direction-linkedin-to-microsoft-when = في كلتا طريقتي الربط.
direction-microsoft-to-linkedin = من حسابك في Microsoft إلى LinkedIn
direction-microsoft-to-linkedin-when = فقط إذا اخترت الربط في الاتجاهين.

category-profile = الملف الشخصي
category-interests = الاهتمامات
category-subscriptions = الاشتراكات
category-connections = العلاقات
category-calendar = التقويم
category-contacts = جهات الاتصال

linkedin-profile-includes =
    هويتك على LinkedIn، ومعلومات الاتصال الخاصة بك، وما تشاركه مع الآخرين في ملفك الشخصي
    على LinkedIn.
linkedin-interests-includes =
    اهتماماتك على LinkedIn، على سبيل المثال الأشخاص والموضوعات التي تتابعها، والدورات
    التدريبية، والمجموعات، والمحتوى الذي تُعجب به وتشاركه.
linkedin-subscriptions-includes =
    اشتراكاتك في تطبيقات LinkedIn وخدماتها، مع البيانات المرتبطة بها.
linkedin-connections-includes =
    شبكتك على LinkedIn، بما في ذلك الملفات الشخصية ومعلومات الاتصال الخاصة بعلاقاتك
    من الدرجة الأولى.
linkedin-connections-others = الملفات الشخصية لعلاقاتك ومعلومات الاتصال الخاصة بهم هي بيانات أشخاص آخرين.

microsoft-profile-includes =
    معلومات مثل اسمك الأول واسم عائلتك، وصورة ملفك الشخصي، وعنوان بريدك الإلكتروني،
    ومديرك، والأشخاص الذين تديرهم.
microsoft-calendar-includes =
    الاجتماعات الموجودة في تقويماتك، مع أوقاتها وأماكنها ومعلومات الاتصال الخاصة
    بالحاضرين.
microsoft-calendar-others = معلومات الاتصال الخاصة بالحاضرين هي بيانات أشخاص آخرين.
microsoft-calendar-excluded =
    لا يشمل ذلك: المعلومات المتعلقة بالاجتماع نفسه، مثل عنوانه أو جدول أعماله أو محتواه.
microsoft-interests-includes =
    الاهتمامات المرتبطة بحسابك، والمستنتجة من استخدامك لخدمات Microsoft مثل Cortana
    وBing for Business.
microsoft-subscriptions-includes =
    الاشتراكات التي توفرها مؤسستك في تطبيقات Microsoft وخدماتها، مثل Office 365.
microsoft-contacts-includes =
    قوائم جهات الاتصال في Outlook وSkype وغيرهما من خدمات حساب Microsoft، بما في ذلك
    معلومات الاتصال الخاصة بالأشخاص الذين تتواصل أو تعمل معهم كثيرًا.
microsoft-contacts-others = جهات الاتصال هذه هي بيانات أشخاص آخرين.
microsoft-contacts-imported =
    يستورد LinkedIn جهات الاتصال هذه ويخزنها بشكل دوري، ويستخدمها، على سبيل المثال،
    لاقتراح علاقات، والمساعدة في تنظيم جهات الاتصال، وعرض تحديثات حول جهات الاتصال.
    وتبقى على LinkedIn إلى أن تزيلها.

links-heading = معرفة المزيد

## The manage view

manage-title = ربط حسابك بـ LinkedIn
manage-status-both-ways =
    الحسابان مرتبطان في الاتجاهين: تحصل Microsoft على بياناتك على LinkedIn، ويحصل
    LinkedIn على بيانات من حسابك في Microsoft.
manage-status-linkedin-only =
    الحسابان مرتبطان لبيانات LinkedIn فقط: تحصل Microsoft على بياناتك على LinkedIn، ولا
    يحصل LinkedIn على أي بيانات من حسابك في Microsoft.
manage-status-not-connected = حسابك في Microsoft وحسابك على LinkedIn غير مرتبطين.
manage-stops-both-ways =
    يؤدي إلغاء الربط إلى سحب الإذنين كليهما فورًا: فمنذ تلك اللحظة، لن تحصل Microsoft على
    المزيد من بياناتك على LinkedIn، ولن يحصل LinkedIn على المزيد من البيانات من حسابك
    في Microsoft.
manage-stops-linkedin-only =
    يؤدي إلغاء الربط إلى سحب إذنك فورًا: فمنذ تلك اللحظة، لن تحصل Microsoft على المزيد
    من بياناتك على LinkedIn.
manage-contacts-stay =
    تبقى جهات الاتصال التي استوردها LinkedIn بالفعل على LinkedIn إلى أن تزيلها من هناك.
manage-profile-visibility =
    ويمكنك أيضًا على LinkedIn التحكم في كيفية عرض ملفك الشخصي، بما في ذلك ما إذا كان يمكن
    عرضه في تطبيقات Microsoft.
manage-linkedin-help =
    توضح مساعدة LinkedIn كيفية وصول حسابك على LinkedIn إلى البيانات من حساب العمل أو
    المؤسسة التعليمية الخاص بك في Microsoft.
manage-disconnect = إلغاء الربط
manage-connect = ربط الحسابين
manage-close = إغلاق

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = بيان خصوصية Microsoft: كيف تستخدم Microsoft البيانات الشخصية
link-linkedin-privacy = سياسة خصوصية LinkedIn: كيف يستخدم LinkedIn البيانات الشخصية
link-eu-transfer = عمليات نقل البيانات من الاتحاد الأوروبي (مساعدة LinkedIn)
link-remove-contacts = إزالة جهات الاتصال المستوردة من LinkedIn (مساعدة LinkedIn)
link-profile-visibility = التحكم في كيفية عرض ملفك الشخصي على LinkedIn (مساعدة LinkedIn)
link-linkedin-help = استخدام LinkedIn في تطبيقات Microsoft بحساب العمل أو المؤسسة التعليمية (مساعدة LinkedIn)
link-help = معلومات LinkedIn في تطبيقات Microsoft وخدماتها: أسئلة وأجوبة

## When the tenant's policy leaves the user out

unavailable-policy-off =
    عطّلت مؤسستك ربط حسابات LinkedIn. ويعود تحديد ما إذا كان بإمكانك الربط إلى مسؤول
    مؤسستك.
unavailable-not-in-group =
    فعّلت مؤسستك ربط حسابات LinkedIn لأشخاص محددين فقط. ويعود تحديد ما إذا كان بإمكانك
    الربط إلى مسؤول مؤسستك.

## Asked again after the notice changed

changes-heading = ما الذي تغيّر منذ اختيارك الأخير
changes-since-1 =
    أصبحنا نوضح الآن بدقة أكبر ما يحصل عليه كل طرف: القوائم أمثلة، وتقويمك وجهات اتصالك
    يتضمنان بيانات أشخاص آخرين، ويستخدم LinkedIn بياناتك في Microsoft لتحسين تجربتك في
    التواصل المهني، ويمكن أن تنتقل البيانات بين الاتحاد الأوروبي والولايات المتحدة لأغراض
    خدمات LinkedIn.
changes-unknown = تغيّر هذا الإشعار منذ اختيارك الأخير، لذا يُرجى الاختيار مرة أخرى.

## Feedback after a choice (not part of the notice's digest)

status-sending = جارٍ تسجيل اختيارك…
status-queued = تم حفظ اختيارك على هذا الجهاز، وسيتم تسجيله عند عودة الاتصال.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = تم تسجيل اختيارك: { $choice }.
status-withdrawn = تم التسجيل: أصبح حساباك غير مرتبطين.
# $reason: one of the reason-* messages below.
status-not-recorded = لم يتم تسجيل اختيارك: { $reason }
status-try-again = إعادة المحاولة
status-dismiss = تجاهل
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = تم التسجيل في { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = تعذّر الوصول إلى خدمة الموافقة. يُرجى التحقق من اتصالك والمحاولة مرة أخرى.
reason-refused = لم تقبله خدمة الموافقة. يُرجى الاختيار مرة أخرى.
reason-notice-changed = تغيّر هذا الإشعار. يُرجى قراءته مرة أخرى ثم الاختيار.
reason-signing = تعذّر على هذا المتصفح توقيع اختيارك.
reason-expired = انتهت صلاحية الطلب. يُرجى الاختيار مرة أخرى.
