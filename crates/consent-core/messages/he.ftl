### Notice version 2, Hebrew (he): translated from en.ftl (formal, gender-neutral
### where natural). Examples in the source ("such as", "for example") stay examples
### here ("כגון", "לדוגמה"). Product names (Microsoft, LinkedIn, Outlook, Skype,
### Office 365, Cortana, Bing for Business) stay untranslated, in Latin script.

## The prompt

prompt-title = לחבר את חשבון העבודה ל-LinkedIn?
prompt-intro =
    לאחר חיבור חשבון העבודה או בית הספר של Microsoft לחשבון LinkedIn, חלק מהאפליקציות
    של Microsoft, כגון כרטיס הפרופיל, יכולות להציג מידע מ-LinkedIn. הבחירה מה יקבל כל
    צד נתונה בידיך.
prompt-choices-label = באיזה אופן לחבר את החשבונות?

choice-both-ways = חיבור דו-כיווני
choice-linkedin-only = נתוני LinkedIn בלבד
choice-not-now = לא עכשיו

# Shown under both ways of connecting.
point-linkedin-to-microsoft =
    Microsoft מקבלת את הפרופיל, תחומי העניין, המינויים והקשרים שלך ב-LinkedIn.
point-microsoft-to-linkedin =
    LinkedIn מקבלת את הפרופיל, לוח השנה, תחומי העניין, המינויים ואנשי הקשר שלך
    ב-Microsoft, כדי לשפר ולהעשיר את חוויית יצירת הקשרים המקצועיים שלך ב-LinkedIn.
point-contacts-kept = LinkedIn שומרת את אנשי הקשר שלך עד להסרתם על ידך.
point-no-microsoft-data = LinkedIn אינה מקבלת נתונים כלשהם מחשבון Microsoft שלך.
point-not-now =
    החשבונות שלך נשארים לא מחוברים: אף צד אינו מקבל ממך גישה לנתונים של הצד השני. ניתן
    לחבר אותם מאוחר יותר.

facts-heading = לפני הבחירה
fact-retention =
    שירותי Microsoft אינם שומרים נתונים מ-LinkedIn לצמיתות. LinkedIn אינה שומרת לצמיתות
    נתונים מחשבון Microsoft שלך, למעט אנשי הקשר שלך: הם נשארים ב-LinkedIn עד להסרתם
    על ידך.
fact-transfer =
    לצורך השירותים של LinkedIn, העברת הנתונים ואחסונם, נתונים עשויים לעבור מהאיחוד
    האירופי לארצות הברית ובחזרה. LinkedIn מתארת כיצד הפרטיות שלך מוגנת בהעברות אלה.
fact-control =
    ניתן לנתק ולהסיר את ההרשאות האלה בכל עת. ב-LinkedIn ניתן לשלוט באופן שבו הפרופיל
    שלך מוצג, כולל האם ניתן להציג אותו באפליקציות של Microsoft.

## What each kind of data includes

details-heading = מה כולל כל סוג נתונים
direction-linkedin-to-microsoft = מ-LinkedIn לחשבון Microsoft שלך
direction-linkedin-to-microsoft-when = בכל אחת משתי דרכי החיבור.
direction-microsoft-to-linkedin = מחשבון Microsoft שלך ל-LinkedIn
direction-microsoft-to-linkedin-when = רק בחיבור דו-כיווני.

category-profile = פרופיל
category-interests = תחומי עניין
category-subscriptions = מינויים
category-connections = קשרים
category-calendar = לוח שנה
category-contacts = אנשי קשר

linkedin-profile-includes =
    הזהות שלך ב-LinkedIn, פרטי הקשר שלך ומה שמשותף על ידך עם אחרים בפרופיל LinkedIn
    שלך.
linkedin-interests-includes =
    תחומי העניין שלך ב-LinkedIn, לדוגמה אנשים ונושאים שנמצאים במעקב שלך, קורסים, קבוצות
    ותוכן שאהבת ושיתפת.
linkedin-subscriptions-includes =
    המינויים שלך לאפליקציות ולשירותים של LinkedIn, יחד עם הנתונים הנלווים אליהם.
linkedin-connections-includes =
    הרשת שלך ב-LinkedIn, כולל הפרופילים ופרטי הקשר של הקשרים שלך מדרגה ראשונה.
linkedin-connections-others = הפרופילים ופרטי הקשר של הקשרים שלך הם נתונים של אנשים אחרים.

microsoft-profile-includes =
    מידע כגון השם הפרטי ושם המשפחה שלך, תמונת הפרופיל, כתובת הדואר האלקטרוני, המנהל
    שלך והאנשים שבניהולך.
microsoft-calendar-includes =
    הפגישות בלוחות השנה שלך, עם המועדים, המיקומים ופרטי הקשר של המשתתפים.
microsoft-calendar-others = פרטי הקשר של המשתתפים הם נתונים של אנשים אחרים.
microsoft-calendar-excluded =
    לא כלול: מידע על הפגישה עצמה, כגון הכותרת, סדר היום או התוכן שלה.
microsoft-interests-includes =
    תחומי עניין המשויכים לחשבון שלך, שהוסקו מהשימוש שלך בשירותי Microsoft כגון Cortana
    ו-Bing for Business.
microsoft-subscriptions-includes =
    מינויים לאפליקציות ולשירותים של Microsoft שהארגון שלך מספק, כגון Office 365.
microsoft-contacts-includes =
    רשימות אנשי קשר ב-Outlook, ב-Skype ובשירותים אחרים של חשבון Microsoft, כולל פרטי
    הקשר של אנשים שיש לך איתם תקשורת תכופה או עבודה משותפת.
microsoft-contacts-others = אנשי קשר אלה הם נתונים של אנשים אחרים.
microsoft-contacts-imported =
    LinkedIn מייבאת ומאחסנת אותם מעת לעת, ומשתמשת בהם, לדוגמה, כדי להציע קשרים, לעזור
    בארגון אנשי הקשר ולהציג עדכונים על אנשי הקשר. הם נשארים ב-LinkedIn עד להסרתם
    על ידך.

links-heading = מידע נוסף

## The manage view

manage-title = החיבור שלך ל-LinkedIn
manage-status-both-ways =
    החשבונות מחוברים בשני הכיוונים: Microsoft מקבלת את נתוני LinkedIn שלך, ו-LinkedIn
    מקבלת נתונים מחשבון Microsoft שלך.
manage-status-linkedin-only =
    החשבונות מחוברים לנתוני LinkedIn בלבד: Microsoft מקבלת את נתוני LinkedIn שלך,
    ו-LinkedIn אינה מקבלת נתונים כלשהם מחשבון Microsoft שלך.
manage-status-not-connected = חשבון Microsoft שלך וחשבון LinkedIn שלך אינם מחוברים.
manage-stops-both-ways =
    ניתוק מבטל את שתי ההרשאות באופן מיידי: מאותו רגע, Microsoft לא תקבל עוד נתוני
    LinkedIn שלך, ו-LinkedIn לא תקבל עוד נתונים מחשבון Microsoft שלך.
manage-stops-linkedin-only =
    ניתוק מבטל את ההרשאה שלך באופן מיידי: מאותו רגע, Microsoft לא תקבל עוד נתוני
    LinkedIn שלך.
manage-contacts-stay =
    אנשי קשר ש-LinkedIn כבר ייבאה נשארים ב-LinkedIn עד להסרתם על ידך שם.
manage-profile-visibility =
    ב-LinkedIn ניתן גם לשלוט באופן שבו הפרופיל שלך מוצג, כולל האם ניתן להציג אותו
    באפליקציות של Microsoft.
manage-linkedin-help =
    העזרה של LinkedIn מתארת כיצד חשבון LinkedIn שלך ניגש לנתונים מחשבון העבודה או בית
    הספר של Microsoft.
manage-disconnect = ניתוק
manage-connect = חיבור החשבונות
manage-close = סגירה

## Links (the targets are not translated; they live in the catalogue)

link-microsoft-privacy = הצהרת הפרטיות של Microsoft: כיצד Microsoft משתמשת בנתונים אישיים
link-linkedin-privacy = מדיניות הפרטיות של LinkedIn: כיצד LinkedIn משתמשת בנתונים אישיים
link-eu-transfer = העברות נתונים מהאיחוד האירופי (העזרה של LinkedIn)
link-remove-contacts = הסרת אנשי קשר מיובאים מ-LinkedIn (העזרה של LinkedIn)
link-profile-visibility = שליטה באופן שבו פרופיל LinkedIn שלך מוצג (העזרה של LinkedIn)
link-linkedin-help = שימוש ב-LinkedIn באפליקציות של Microsoft עם חשבון עבודה או בית ספר (העזרה של LinkedIn)
link-help = מידע מ-LinkedIn באפליקציות ובשירותים של Microsoft: שאלות ותשובות

## When the tenant's policy leaves the user out

unavailable-policy-off =
    הארגון שלך השבית את חיבור חשבונות LinkedIn. ההחלטה אם ניתן לחבר את החשבונות נתונה
    בידי מנהל המערכת בארגון שלך.
unavailable-not-in-group =
    הארגון שלך הפעיל את חיבור חשבונות LinkedIn לאנשים נבחרים בלבד. ההחלטה אם ניתן לחבר
    את החשבונות נתונה בידי מנהל המערכת בארגון שלך.

## Asked again after the notice changed

changes-heading = מה השתנה מאז הבחירה האחרונה שלך
changes-since-1 =
    כעת אנו מפרטים ביתר דיוק מה מקבל כל צד: הרשימות הן דוגמאות, לוח השנה ואנשי הקשר שלך
    כוללים נתונים של אנשים אחרים, LinkedIn משתמשת בנתוני Microsoft שלך כדי לשפר את
    חוויית יצירת הקשרים המקצועיים שלך, ונתונים עשויים לעבור בין האיחוד האירופי לארצות
    הברית לצורך השירותים של LinkedIn.
changes-unknown = הודעה זו השתנתה מאז הבחירה האחרונה שלך, ולכן יש לבחור שוב.

## Feedback after a choice (not part of the notice's digest)

status-sending = הבחירה שלך נרשמת…
status-queued = הבחירה שלך נשמרה במכשיר זה ותירשם כשהחיבור יחזור.
# $choice: the label of the choice made, as in choice-both-ways.
status-recorded = הבחירה שלך נרשמה: { $choice }.
status-withdrawn = נרשם: החשבונות שלך מנותקים.
# $reason: one of the reason-* messages below.
status-not-recorded = הבחירה שלך לא נרשמה: { $reason }
status-try-again = ניסיון חוזר
status-dismiss = הסתרה
# $date: when the decision was recorded, formatted by the browser (Intl) in this locale.
status-recorded-on = נרשם בתאריך { $date }.

## Why a choice was not recorded, shown after status-not-recorded

reason-unreachable = לא ניתן היה להתחבר לשירות ההסכמה. יש לבדוק את החיבור ולנסות שוב.
reason-refused = שירות ההסכמה לא קיבל אותה. יש לבחור שוב.
reason-notice-changed = הודעה זו השתנתה. יש לקרוא אותה שוב ולבחור.
reason-signing = דפדפן זה לא הצליח לחתום על הבחירה שלך.
reason-expired = תוקף הבקשה פג. יש לבחור שוב.
