namespace MediaMonitor.Matching.Tests.Stories;

/// <summary>News bodies written for these tests in wire style (paragraphs separated by new lines, as feeds deliver them),
/// so that copies and different reports can be built from them the way outlets do.</summary>
internal static class StoryArticles
{
    public static string Paragraphs(params string[] paragraphs) => string.Join("\n", paragraphs);

    /// <summary>Rockets on Ain al-Asad, Tuesday evening, no casualties.</summary>
    public static readonly string[] ArabicAinAlAsadAttack =
    [
        "بغداد - سقطت خمسة صواريخ من طراز كاتيوشا مساء الثلاثاء على قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق، التي تستضيف قوات أمريكية وقوات من التحالف الدولي، من دون أن تسفر عن إصابات بشرية، بحسب ما أعلنت خلية الإعلام الأمني.",
        "وقالت الخلية في بيان مقتضب إن الصواريخ أطلقت من منطقة صحراوية قرب ناحية البغدادي، وإن القوات الأمنية عثرت على منصة الإطلاق وعليها صاروخان لم ينطلقا، وباشرت عمليات تفتيش واسعة في المنطقة بحثا عن المنفذين.",
        "من جهته، أكد المتحدث باسم التحالف الدولي العقيد واين ماروتو أن الهجوم لم يسفر عن خسائر في الأرواح، مشيرا إلى أن أضرارا مادية طفيفة لحقت بأحد المخازن داخل القاعدة، وأن منظومة الدفاع الجوي تصدت لأحد الصواريخ.",
        "ويأتي الهجوم بعد أيام من استهداف رتل للدعم اللوجستي التابع للتحالف بعبوة ناسفة على الطريق السريع جنوب بغداد، في سلسلة هجمات تتبناها عادة فصائل مسلحة تطالب بانسحاب القوات الأجنبية من البلاد.",
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما دعا رئيس الوزراء العراقي الأجهزة الأمنية إلى ملاحقة الخارجين عن القانون وتقديمهم إلى القضاء، مؤكدا أن الحكومة ملتزمة بحماية البعثات الدبلوماسية ومقار التحالف.",
        "وتتمركز في عين الأسد، وهي من أكبر القواعد العسكرية في العراق، قوات أمريكية منذ عام 2014 في إطار الحرب على تنظيم الدولة الإسلامية، وقد تعرضت القاعدة لهجمات صاروخية متكررة خلال العامين الماضيين.",
    ];

    /// <summary>Another attack told in the same words where the facts allow: Balad, Sunday dawn, two contractors wounded.</summary>
    public static readonly string[] ArabicBaladAttack =
    [
        "بغداد - سقطت ثلاثة صواريخ من طراز كاتيوشا فجر الأحد على قاعدة بلد الجوية في محافظة صلاح الدين شمالي بغداد، التي تضم طائرات إف-16 عراقية ومتعاقدين أجانب، ما أسفر عن إصابة اثنين من المتعاقدين العراقيين بجروح طفيفة، بحسب ما أعلنت خلية الإعلام الأمني.",
        "وقالت الخلية في بيان إن الصواريخ أطلقت من بساتين قرية الحويش جنوب القاعدة، وإن قوة أمنية توجهت إلى المكان وعثرت على منصة إطلاق محترقة، فيما نقل المصابان إلى مستشفى بلد العام لتلقي العلاج.",
        "وأوضح مصدر في الشرطة المحلية أن أحد الصواريخ سقط قرب مدرج الطائرات وآخر على سكن المتعاقدين، بينما سقط الثالث في أرض زراعية خارج سور القاعدة، مشيرا إلى أن الأضرار اقتصرت على سيارتين ومبنى إداري.",
        "ويأتي الهجوم بعد أسبوع من استهداف مطار أربيل الدولي بطائرة مسيرة مفخخة، في سلسلة هجمات تتبناها عادة فصائل مسلحة تطالب بانسحاب القوات الأجنبية من البلاد.",
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما أمر القائد العام للقوات المسلحة بفتح تحقيق عاجل وتشكيل لجنة لمتابعة أمن القواعد الجوية.",
        "وكانت شركة لوكهيد مارتن الأمريكية قد سحبت جزءا من موظفيها من قاعدة بلد العام الماضي بعد هجمات مماثلة، مما أثر على صيانة أسطول طائرات إف-16 العراقية.",
    ];

    public static readonly string[] ArabicWithdrawalAnnouncement =
    [
        "أعلن رئيس الوزراء العراقي مصطفى الكاظمي، الاثنين، التوصل إلى اتفاق مع الولايات المتحدة يقضي بانسحاب جميع القوات القتالية الأمريكية من العراق بحلول نهاية العام الجاري، على أن يقتصر دور القوات المتبقية على التدريب والاستشارة.",
        "وجاء الإعلان في ختام الجولة الرابعة من الحوار الاستراتيجي بين البلدين في واشنطن، حيث التقى الكاظمي الرئيس الأمريكي جو بايدن في البيت الأبيض.",
        "وقال الكاظمي في كلمة متلفزة إن \"العراق لم يعد بحاجة إلى قوات قتالية أجنبية على أراضيه، فقواتنا الأمنية أثبتت قدرتها على حماية البلاد وملاحقة فلول تنظيم داعش\".",
        "وينتشر في العراق نحو 2500 جندي أمريكي، ضمن التحالف الدولي الذي تشكل عام 2014 لمحاربة تنظيم الدولة الإسلامية بعد سيطرته على مساحات واسعة من شمال البلاد وغربها.",
        "ورحبت قوى سياسية عراقية بالاتفاق، فيما اعتبرت فصائل مسلحة أنه غير كاف، مطالبة بخروج جميع القوات الأجنبية من دون استثناء.",
        "ومن المقرر أن تعقد لجان فنية مشتركة اجتماعات خلال الأسابيع المقبلة لوضع جدول زمني لنقل المهام والمواقع إلى القوات العراقية.",
    ];

    /// <summary>The same subject the next day, another piece: reactions in parliament.</summary>
    public static readonly string[] ArabicWithdrawalReactions =
    [
        "قال عضو لجنة الأمن والدفاع النيابية بدر الزيادي، الثلاثاء، إن البرلمان سيستضيف القادة الأمنيين خلال الأيام المقبلة للاطلاع على تفاصيل اتفاق انسحاب القوات القتالية الأمريكية الذي أعلنته الحكومة.",
        "وأضاف الزيادي في تصريح صحفي أن \"اللجنة تريد أن تعرف أعداد المستشارين الذين سيبقون في العراق، وأماكن وجودهم، والصلاحيات الممنوحة لهم\"، مؤكدا أن قرار مجلس النواب الصادر في كانون الثاني 2020 يلزم الحكومة بإخراج كل القوات الأجنبية.",
        "من جانبه، رأى الخبير الأمني أحمد الشريفي أن الاتفاق \"يعيد تسمية الوجود الأمريكي أكثر مما ينهيه\"، لافتا إلى أن القوات العراقية ما زالت تعتمد على التحالف في الاستطلاع الجوي والضربات ضد خلايا داعش في المناطق الوعرة.",
        "في المقابل، قال النائب عن تحالف سائرون رياض المسعودي إن الاتفاق خطوة في الاتجاه الصحيح، داعيا الفصائل إلى منح الحكومة فرصة لتنفيذه وعدم استهداف البعثات الدبلوماسية.",
        "وكانت الولايات المتحدة قد خفضت عدد قواتها في العراق من 5200 إلى نحو 2500 جندي خلال العام الماضي، وسلمت عددا من القواعد إلى الجيش العراقي، بينها قاعدة القائم وقاعدة الحبانية ومعسكر التاجي.",
    ];

    /// <summary>Rockets on Ain al-Asad, Tuesday evening, no casualties.</summary>
    public static readonly string[] EnglishAinAlAsadAttack =
    [
        "At least three rockets struck Ain al-Asad air base in Iraq's western Anbar province on Tuesday evening, the U.S.-led coalition said, the latest in a string of attacks on bases hosting American troops.",
        "No casualties were reported, coalition spokesman Colonel Wayne Marotto said in a statement, adding that the base's air defences intercepted one of the rockets and that damage to a storage building was being assessed.",
        "Iraq's security media cell said the rockets were launched from a desert area near the town of al-Baghdadi, about 8 km (5 miles) from the base, and that security forces found a launch pad with two unfired rockets still on it.",
        "The attack came days after a roadside bomb hit a logistics convoy carrying coalition equipment on the main highway south of Baghdad. Such attacks are usually blamed on Iran-aligned militias that demand the withdrawal of foreign forces from Iraq.",
        "No group immediately claimed responsibility. Prime Minister Mustafa al-Kadhimi ordered security forces to pursue those responsible, saying his government was committed to protecting diplomatic missions and coalition sites.",
        "Ain al-Asad, one of the largest military bases in Iraq, has hosted U.S. forces since 2014 as part of the campaign against Islamic State. It was hit by Iranian ballistic missiles in January 2020 in retaliation for the killing of Iranian general Qassem Soleimani.",
    ];

    /// <summary>Another attack told in the same words where the facts allow: Balad, Sunday, two contractors wounded.</summary>
    public static readonly string[] EnglishBaladAttack =
    [
        "Three rockets struck Balad air base north of Baghdad early on Sunday, wounding two Iraqi contractors, Iraq's security media cell said, the latest in a string of attacks on bases hosting foreign personnel.",
        "The rockets were launched from orchards near the village of al-Huwaish south of the base, the statement said, and security forces found a burned-out launch pad at the site. The wounded were taken to Balad general hospital.",
        "A local police source said one rocket landed near the runway and another on the contractors' housing, while a third fell on farmland outside the base perimeter. Damage was limited to two vehicles and an administrative building.",
        "The attack came a week after an explosives-laden drone targeted Erbil international airport. Such attacks are usually blamed on Iran-aligned militias that demand the withdrawal of foreign forces from Iraq.",
        "No group immediately claimed responsibility. The commander-in-chief of the armed forces ordered an urgent investigation and set up a committee to review security at air bases.",
        "U.S. defence company Lockheed Martin withdrew some of its staff from Balad last year after similar attacks, which has hampered maintenance of Iraq's fleet of F-16 fighter jets.",
    ];

    public static readonly string[] EnglishElectionResults =
    [
        "Shi'ite cleric Moqtada al-Sadr's movement won the largest number of seats in Iraq's parliamentary election, according to preliminary results released by the Independent High Electoral Commission on Monday, strengthening his hand in the formation of the next government.",
        "The Sadrist bloc took 73 of the 329 seats in parliament, up from 54 in the previous election in 2018, the commission's figures showed. The Taqaddum party of parliament speaker Mohammed al-Halbousi came second with 37 seats.",
        "Former prime minister Nouri al-Maliki's State of Law coalition won 35 seats, while the Fatah alliance, which groups Iran-backed paramilitary factions, suffered heavy losses, falling to 14 seats from 48.",
        "Fatah leader Hadi al-Amiri rejected the results, saying his alliance would challenge them \"by all legal means\". Several armed groups aligned with the alliance described the outcome as a fraud.",
        "Turnout was 41 percent, the commission said, a record low that reflected widespread disillusionment with the political class among young Iraqis who took to the streets in mass protests in 2019.",
        "The results must be ratified by the federal supreme court. Under Iraq's power-sharing system, forming a government usually takes months of negotiations between the main blocs.",
    ];

    /// <summary>The same election, another piece: the polling day.</summary>
    public static readonly string[] EnglishElectionDay =
    [
        "Polling stations across Baghdad were half empty on Sunday as Iraqis voted in a parliamentary election that many young people said would change nothing in a country run by the same parties since 2003.",
        "\"I did not vote because every party promises jobs and electricity and then divides the ministries among themselves,\" said Ali Hussein, a 26-year-old engineering graduate who sells mobile phone cards in the Karrada district.",
        "The election was brought forward by several months as a concession to the protest movement that swept Baghdad and the southern provinces in late 2019, when security forces and gunmen killed some 600 demonstrators.",
        "The Independent High Electoral Commission said it expected to announce preliminary results within 24 hours. Observers from the European Union and the United Nations monitored the vote.",
        "In Sadr City, supporters of the cleric Moqtada al-Sadr queued outside schools in the morning, many of them carrying pictures of his father. Sadr has said his movement aims to win the premiership.",
        "Security was tight, with Baghdad airport closed and travel between provinces restricted until Monday morning.",
    ];

    public const string EnglishFootballBrief =
        "Iraq beat Lebanon 1-0 in Basra on Thursday in a World Cup qualifier, with midfielder Amjad Attwan scoring the only goal ten minutes into the second half in front of a crowd of 60,000 at the Basra International Stadium.";

    /// <summary>A brief on the Balad attack that repeats the wire's stock background sentence word for word.</summary>
    public const string EnglishBaladBrief =
        "Three rockets hit Balad air base north of Baghdad on Sunday and wounded two Iraqi contractors, security officials said. " +
        "Such attacks are usually blamed on Iran-aligned militias that demand the withdrawal of foreign forces from Iraq. " +
        "No group claimed responsibility.";
}
