using MediaMonitor.Matching.Tests.Support;

namespace MediaMonitor.Matching.Tests;

public class ArabicInflectionTests
{
    [Theory]
    [InlineData("هجوم صاروخي", "وقتل جنديان في هجوم صاروخي على القاعدة", "هجوم صاروخي")]
    [InlineData("هجوم صاروخي", "كما أدت الهجمات الصاروخية المستمرة إلى زيادة الضغط", "الهجمات الصاروخية")]
    [InlineData("هجمات صاروخية", "وقتل جنديان في هجوم صاروخي على القاعدة", "هجوم صاروخي")]
    [InlineData("هجوم صاروخي", "وتعرضت القاعدة لهجومين صاروخيين أمس", "لهجومين صاروخيين")]
    public void when_a_nisba_adjective_changes_gender_and_number(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Theory]
    [InlineData("هجوم", "وشن المسلحون هجمات على مواقع الجيش", "هجمات")]
    [InlineData("غارة جوية", "ونفذت المقاتلات غارات جوية على المدينة", "غارات جوية")]
    [InlineData("طائرة", "وحلقت طائرات فوق المدينة", "طائرات")]
    [InlineData("صاروخ", "وسقطت صواريخ قرب المطار", "صواريخ")]
    [InlineData("صواريخ", "وسقط صاروخ قرب المطار", "صاروخ")]
    [InlineData("لاجئ", "وعبر آلاف اللاجئين الحدود", "اللاجئين")]
    [InlineData("لاجئين", "ووصل لاجئون إلى الحدود", "لاجئون")]
    [InlineData("قوة", "ولم تعد القوات الأمريكية ترافق الجيش", "القوات")]
    [InlineData("قوات", "وأرسلت الحكومة قوة إلى المدينة", "قوة")]
    [InlineData("انتخاب", "لم يتبق سوى أقل من ثلاثة أشهر على الانتخابات الفيدرالية", "الانتخابات")]
    [InlineData("مستشفى", "سلسلة من حرائق المستشفيات المدمرة", "المستشفيات")]
    [InlineData("حريق", "سلسلة من حرائق المستشفيات المدمرة", "حرائق")]
    [InlineData("انتحاري", "ونفذت انتحارية الهجوم على السوق", "انتحارية")]
    [InlineData("انتحاري", "وفجر الانتحاريون أنفسهم في السوق", "الانتحاريون")]
    [InlineData("مسيرة", "وأسقطت الدفاعات الجوية مسيرات فوق المطار", "مسيرات")]
    public void when_a_plural_is_broken_or_regular(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_a_feminine_noun_is_dual_or_plural()
    {
        Assert.Equal(["طائرتين مسيرتين"], Watch.Found("طائرة مسيرة", "وأسقط الجيش طائرتين مسيرتين فوق القاعدة"));
        Assert.Equal(["الطائرات المسيرة"], Watch.Found("طائرة مسيرة", "وتتعرض القاعدة لهجمات الطائرات المسيرة"));
    }

    [Theory]
    [InlineData("هجوم", "وشن المسلحون هجوماً على الحاجز", "هجوماً")]
    [InlineData("صاروخ", "وأطلق الحوثيون صاروخًا باليستيًا", "صاروخًا")]
    [InlineData("لاجئ", "وعاش خمسين عاما لاجئا في الأردن", "لاجئا")]
    public void when_a_masculine_noun_takes_the_accusative_tanween_alef(string phrase, string text, string expected)
    {
        Assert.Equal([expected], Watch.Found(phrase, text));
    }

    [Fact]
    public void when_a_masculine_plural_is_in_construct()
    {
        Assert.Equal(["مقاتلو داعش"], Watch.Found("مقاتل داعش", "لا يزال مقاتلو داعش قادرين على شن هجمات"));
    }

    [Fact]
    public void when_the_term_is_a_plural_the_singular_matches()
    {
        Assert.Equal(["انتخاب"], Watch.Found("انتخابات", "ودعت المعارضة إلى انتخاب رئيس جديد"));
        Assert.Equal(["مستوطنة"], Watch.Found("مستوطنات", "وأعلنت إسرائيل بناء مستوطنة جديدة"));
    }

    [Fact]
    public void when_a_noun_and_its_nisba_adjective_differ_it_is_derivation_not_inflection()
    {
        Assert.Empty(Watch.Found("صاروخ", "وقتل جنديان في هجوم صاروخي على القاعدة"));
        Assert.Empty(Watch.Found("انتحار", "وفجر انتحاري نفسه في السوق"));
    }

    [Fact]
    public void when_a_feminine_noun_has_a_masculine_lookalike_they_stay_apart()
    {
        Assert.Empty(Watch.Found("طائرة", "وشوهد طائر نادر في المحمية"));       // plane vs bird
        Assert.Empty(Watch.Found("مسيرة", "وقال إن المسير إلى القرية طويل"));   // march/drone vs walking
    }

    [Fact]
    public void when_a_name_ends_like_a_dual_it_is_not_one()
    {
        Assert.Empty(Watch.Found("لبن", "وزار الرئيس لبنان أمس"));
        Assert.Empty(Watch.Found("طالب", "وسيطرت حركة طالبان على المدينة"));
        Assert.Equal(["لبنان"], Watch.Found("لبنان", "وزار الرئيس لبنان أمس"));
    }
}
