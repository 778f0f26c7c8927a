namespace MediaMonitor.IntegrationTests.Stories;

/// <summary>Reports and their syndicated copies, written as agencies and outlets publish them.</summary>
public static class WireCopies
{
    public const string AirportRockets =
        "BAGHDAD (Reuters) - Three Katyusha rockets struck near Baghdad International Airport late on Tuesday, damaging a hangar " +
        "used by a logistics contractor and a civilian aircraft parked nearby, Iraqi security officials said.\n\n" +
        "No casualties were reported in the attack, the third to target the airport area this month. The rockets were fired from " +
        "the Radwaniya district south of the airport, where police later found a launcher mounted on a pickup truck.\n\n" +
        "No group immediately claimed responsibility. Western officials have blamed previous attacks on Iran-aligned militias " +
        "that oppose the presence of foreign troops in Iraq, a charge the groups deny.\n\n" +
        "Prime Minister Mustafa al-Kadhimi ordered an investigation and said those responsible would be held to account. " +
        "The airport continued to operate normally on Wednesday morning, an airport spokesman said.\n\n" +
        "Reporting by Ahmed Rasheed; Editing by Alex Richardson";

    /// <summary>The same wire text on another outlet: a new headline, the dateline dropped, its own footer.</summary>
    public const string AirportRocketsReprinted =
        "Three Katyusha rockets struck near Baghdad International Airport late on Tuesday, damaging a hangar " +
        "used by a logistics contractor and a civilian aircraft parked nearby, Iraqi security officials said.\n\n" +
        "No casualties were reported in the attack, the third to target the airport area this month. The rockets were fired from " +
        "the Radwaniya district south of the airport, where police later found a launcher mounted on a pickup truck.\n\n" +
        "No group immediately claimed responsibility. Western officials have blamed previous attacks on Iran-aligned militias " +
        "that oppose the presence of foreign troops in Iraq, a charge the groups deny.\n\n" +
        "Prime Minister Mustafa al-Kadhimi ordered an investigation and said those responsible would be held to account. " +
        "The airport continued to operate normally on Wednesday morning, an airport spokesman said.\n\n" +
        "Read more: Iraq security news | Subscribe to our morning briefing";

    /// <summary>A different attack, told in the same words an agency uses for every attack.</summary>
    public const string ErbilDrones =
        "ERBIL (Reuters) - Two drones packed with explosives struck a base hosting U.S.-led coalition troops near Erbil " +
        "airport in northern Iraq on Saturday night, setting fire to a fuel depot, Kurdish security officials said.\n\n" +
        "One contractor was wounded in the attack, the second on the base in two weeks. Air defences shot down a third drone " +
        "over the village of Kalak, officials said, and the debris was taken for examination.\n\n" +
        "No group immediately claimed responsibility. Kurdish officials blamed armed factions that have threatened to expel " +
        "the coalition, and the regional government called on Baghdad to act against them.\n\n" +
        "The coalition said its operations against Islamic State remnants would continue and that flights from Erbil were not affected.\n\n" +
        "Reporting by Amina Ismail; Editing by Frances Kerry";

    public const string Withdrawal =
        "بغداد (رويترز) - أعلنت قيادة العمليات المشتركة في العراق يوم الأحد انسحاب القوات الأمريكية من قاعدة التاجي شمالي بغداد " +
        "وتسليمها إلى القوات العراقية، في إطار خطة لتقليص عدد قوات التحالف الدولي في البلاد.\n\n" +
        "وقال المتحدث باسم القيادة اللواء تحسين الخفاجي إن عملية التسليم جرت بحضور ضباط من الجانبين، وإن القاعدة ستستخدم " +
        "لتدريب وحدات الجيش العراقي على مكافحة الإرهاب.\n\n" +
        "وتعرضت القاعدة لعدة هجمات صاروخية خلال العام الماضي، قتل في أحدها جنديان أمريكيان وجندي بريطاني، واتهمت واشنطن " +
        "فصائل مسلحة موالية لإيران بالوقوف وراءها.\n\n" +
        "وكان التحالف قد سلم في الأشهر الماضية قواعد في القائم والقيارة وكركوك إلى القوات العراقية، فيما تواصل بغداد " +
        "وواشنطن محادثات بشأن مستقبل الوجود العسكري الأجنبي في العراق.\n\n" +
        "ويطالب البرلمان العراقي بخروج جميع القوات الأجنبية منذ مقتل قائد فيلق القدس الإيراني قاسم سليماني في غارة " +
        "أمريكية قرب مطار بغداد مطلع العام الماضي.";

    /// <summary>The same report on an Iraqi site: its own dateline and agency credit, the last paragraph cut, and the
    /// spelling of a careless copy (أ written ا, ة written ه).</summary>
    public const string WithdrawalTrimmed =
        "بغداد/ المدى - اعلنت قيادة العمليات المشتركة في العراق يوم الأحد انسحاب القوات الأمريكية من قاعدة التاجي شمالي بغداد " +
        "وتسليمها إلى القوات العراقية، في إطار خطة لتقليص عدد قوات التحالف الدولي في البلاد.\n\n" +
        "وقال المتحدث باسم القياده اللواء تحسين الخفاجي إن عملية التسليم جرت بحضور ضباط من الجانبين، وإن القاعدة ستستخدم " +
        "لتدريب وحدات الجيش العراقي على مكافحة الإرهاب.\n\n" +
        "وتعرضت القاعدة لعدة هجمات صاروخية خلال العام الماضي، قتل في أحدها جنديان أمريكيان وجندي بريطاني، واتهمت واشنطن " +
        "فصائل مسلحة موالية لإيران بالوقوف وراءها.\n\n" +
        "وكان التحالف قد سلم في الأشهر الماضية قواعد في القائم والقيارة وكركوك إلى القوات العراقية، فيما تواصل بغداد " +
        "وواشنطن محادثات بشأن مستقبل الوجود العسكري الأجنبي في العراق.";
}
