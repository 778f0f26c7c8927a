using System.Collections.Frozen;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// Word lists the rules cannot derive. Source: our own curation for news monitoring (no external list was copied),
/// each form checked by hand against Arabic news text; tested in ArabicInflectionTests and LexiconTests. Extend it when a
/// watch term misses a form; a watchlist can also list its own variants with <c>|</c> (see <see cref="TermRules"/>).
/// </summary>
internal static class ArabicLexicon
{
    // Not here on purpose: دولة/دول. The plural of state is also "countries", and الدول الإسلامية (Islamic countries)
    // must not match الدولة الإسلامية (ISIS).

    /// <summary>
    /// Irregular (broken) plurals and other forms of one word that suffix rules cannot relate.
    /// Each line: the singular first, then its other forms; the regular forms of the singular are generated anyway.
    /// </summary>
    private static readonly string[] Groups =
    [
        "هجوم هجمات هجومات هجمة",
        "غارة غارات",
        "طائرة طائرات",
        "صاروخ صواريخ",
        "لاجئ لاجئون لاجئين لاجئة لاجئات",
        "قوة قوات",
        "انتخاب انتخابات",
        "مستشفى مستشفيات",
        "حريق حرائق",
        "انتحاري انتحارية انتحاريون انتحاريين انتحاريات",
        "مسيرة مسيرات",
        "جندي جنود",
        "قتيل قتلى",
        "جريح جرحى",
        "ضربة ضربات",
        "قاعدة قواعد",
        "سلاح أسلحة",
        "شهيد شهداء",
        "أسير أسرى",
        "سجين سجناء",
        "منطقة مناطق",
        "مدينة مدن",
        "قرية قرى",
        "حزب أحزاب",
        "وزير وزراء",
        "رئيس رؤساء",
        "نائب نواب",
        "ضابط ضباط",
        "طفل أطفال",
        "امرأة نساء",
        "رجل رجال",
        "شخص أشخاص",
        "مرض أمراض",
        "دواء أدوية",
        "وباء أوبئة",
        "طبيب أطباء",
        "مريض مرضى",
        "وفاة وفيات",
        "ضحية ضحايا",
        "قنبلة قنابل",
        "لغم ألغام",
        "سفينة سفن",
        "معركة معارك",
        "حرب حروب",
        "زلزال زلازل",
        "صوت أصوات",
        "مقعد مقاعد",
        "ناخب ناخبون ناخبين",
        "مرشح مرشحون مرشحين",
        "مسلح مسلحون مسلحين",
        "مقاتل مقاتلون مقاتلين مقاتلو مقاتلي",
        "مسؤول مسؤولون مسؤولين مسؤولو مسؤولي",
        "جيش جيوش",
        "عملية عمليات",
        "تفجير تفجيرات",
        "انفجار انفجارات",
        "عبوة عبوات",
        "مستوطنة مستوطنات",
        "مستوطن مستوطنون مستوطنين",
        // Added for the spec's "common broken plurals" in news, each checked against real news text for a second
        // sense that would cost precision (left out for that reason: فرقة/فرق "difference", مدفع/مدافع "defender",
        // أسرة/أسر "capture", دين/ديون "religion", حق/حقوق two letters).
        "عدد أعداد",
        "جدول جداول",
        "جائحة جوائح",
        "قذيفة قذائف",
        "جثة جثث",
        "رهينة رهائن",
        "فصيل فصائل",
        "كتيبة كتائب",
        "لواء ألوية",
        "حاجز حواجز",
        "كمين كمائن",
        "خلية خلايا",
        "عنصر عناصر",
        "عميل عملاء",
        "جاسوس جواسيس",
        "زورق زوارق",
        "هدنة هدن",
        "قانون قوانين",
        "دستور دساتير",
        "مشروع مشاريع مشروعات",
        "برنامج برامج",
        "خطة خطط",
        "مجلس مجالس",
        "لجنة لجان",
        "محكمة محاكم",
        "قاضي قاض قضاة",
        "حكم أحكام",
        "تهمة تهم",
        "جريمة جرائم",
        "حادث حادثة حوادث",
        "كارثة كوارث",
        "مشكلة مشاكل مشكلات",
        "عاصفة عواصف",
        "إعصار أعاصير",
        "سيل سيول",
        "خبر أخبار",
        "تقرير تقارير",
        "مصدر مصادر",
        "قائد قادة",
        "زعيم زعماء",
        "عضو أعضاء",
        "سفير سفراء",
        "أمير أمراء",
        "ملك ملوك",
        "عائلة عائلات عوائل",
        "فتاة فتيات",
        "شاب شباب شبان",
        "مطلب مطالب",
        "شرط شروط",
        "ظرف ظروف",
        "مسجد مساجد",
        "مدرسة مدارس",
        "شارع شوارع",
        "بيت بيوت",
        "منزل منازل",
        "مبنى مباني",
        "سجن سجون",
        "ميناء موانئ",
        "جسر جسور",
        "طريق طرق",
        "معبر معابر",
        "موقع مواقع",
        "مركز مراكز",
        "مكتب مكاتب",
        "مصنع مصانع",
        "بلد بلدان",
        "شعب شعوب",
        "عاصمة عواصم",
        "إقليم أقاليم",
        "جزيرة جزر",
        "سعر أسعار",
        "سوق أسواق",
        "بنك بنوك",
        "مصرف مصارف",
        "سهم أسهم",
        "برميل براميل",
        "ضريبة ضرائب",
        "قرض قروض",
        "مليون ملايين",
        "ألف آلاف",
        "رقم أرقام",
        "دائرة دوائر",
        "صندوق صناديق",
        "نتيجة نتائج",
        "رأي آراء",
        "موقف مواقف",
        "قمة قمم",
        "رسالة رسائل",
        "صحيفة صحف",
        "قناة قنوات",
        "وسيلة وسائل",
        "أرض أراض أراضي",
        "بحر بحار",
        "نهر أنهار",
        "جبل جبال",
        "بئر آبار",
        "مطر أمطار",
        "حقل حقول",
        "منجم مناجم",
    ];

    /// <summary>One line of <see cref="Groups"/>: the singular in analysis form, and every form folded for lookup.</summary>
    public sealed record Group(string Singular, string[] FoldedForms);

    /// <summary>Folded form (see <see cref="CharFolding.FoldKey(ReadOnlySpan{char})"/>) → its group.</summary>
    public static readonly FrozenDictionary<string, Group> GroupByForm = BuildGroups();

    /// <summary>
    /// Real words that look like a clitic plus another word (كمال is not ك+مال, بشار not ب+شار) or like a suffixed form
    /// of another word (طالبان is not the dual of طالب, لبنان not of لبن). They are never split, nor generated as
    /// inflections of a shorter term.
    /// </summary>
    public static readonly FrozenSet<string> Unsegmentable = new[]
    {
        "لكن", "لكنه", "لكنها", "لكنهم", "لكي", "والي", "والده", "والدة", "كمال", "بشار", "فارس", "وليد", "وائل", "وفاء",
        "بلال", "فيصل", "فلاح", "كريم", "كريمة", "ليلى", "لمياء", "بسام", "باسم", "سليم", "سلمى", "سمير", "سعيد",
        "لندن", "ليبيا", "لبنان", "باريس", "بغداد", "بيروت", "واشنطن", "فلسطين", "كندا", "كوريا", "فرنسا", "بريطانيا",
        "طالبان", "ايران", "سودان", "السودان", "عمان", "سلمان", "سليمان", "نيسان", "عمران", "زيتون", "ياسين", "حسين",
        "قانون", "مليون", "تشرين", "الان", "الله", "لله", "بالله", "والله", "فالله", "اللهم",
    }.Select(w => CharFolding.FoldKey(CharFolding.AnalysisForm(w))).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnsegmentableLookup =
        Unsegmentable.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, Group> BuildGroups()
    {
        var map = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var line in Groups)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CharFolding.AnalysisForm).ToArray();
            var group = new Group(words[0], words.Select(w => CharFolding.FoldKey(w)).Distinct().ToArray());
            foreach (var f in group.FoldedForms)
                if (!map.TryAdd(f, group))
                    throw new InvalidOperationException($"Lexicon form {f} is in two groups: merge them into one line.");
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
