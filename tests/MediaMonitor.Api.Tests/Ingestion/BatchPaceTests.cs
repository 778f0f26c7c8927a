using MediaMonitor.Ingestion;

namespace MediaMonitor.Api.Tests.Ingestion;

public sealed class BatchPaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ArticleCandidate Article(int length) => new(null, new string('x', length - 1), "en", null, null, null, null, $"{length}");

    private static IReadOnlyList<ArticleCandidate> Articles(int count, int length) => Enumerable.Repeat(Article(length), count).ToList();

    [Fact]
    public void without_a_deadline_every_transaction_takes_a_whole_chunk_and_waits_for_its_claims_as_long_as_it_takes()
    {
        var pace = new BatchPace(null, Start);

        Assert.Equal(Allowance.Unbounded, pace.Next(Start.AddHours(1)));
        Assert.Equal(250, pace.Fitting(Articles(300, 1_000_000), 0, 250, Allowance.Unbounded));
    }

    [Fact]
    public void the_first_transaction_does_the_pace_work_and_waits_for_its_claims_until_the_deadline()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);

        var first = pace.Next(Start.AddMilliseconds(200))!.Value;

        Assert.Equal(new Allowance(BatchPace.PaceWork, long.MaxValue, TimeSpan.FromMilliseconds(2_800)), first);
        Assert.Equal(10, pace.Fitting(Articles(300, 10_000), 0, 250, first));
    }

    [Fact]
    public void when_the_time_is_spent_before_the_first_transaction_it_takes_one_article_if_it_can_claim_it_at_once()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);

        var first = pace.Next(Start.AddSeconds(4))!.Value;

        Assert.Equal(new Allowance(0, long.MaxValue, BatchPace.MinimumClaimWait), first);
        Assert.Equal(1, pace.Fitting(Articles(3, 1_000_000), 0, 250, first));
    }

    [Fact]
    public void a_later_transaction_is_planned_for_the_time_left_at_the_pace_so_far()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        pace.Taken(work: 100_000, text: 100_000);

        // 100,000 units in 2.5 s: 0.5 s left is room for 20,000 more.
        var next = pace.Next(Start.AddMilliseconds(2_500))!.Value;

        Assert.Equal(new Allowance(20_000, 20_000, TimeSpan.FromMilliseconds(500)), next);
    }

    [Fact]
    public void a_later_transaction_is_planned_for_at_most_the_transaction_time_however_much_time_is_left()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        pace.Taken(work: 100_000, text: 100_000);

        // 100,000 units in 0.1 s: the 2.9 s left would hold 2,900,000, a transaction is planned for 1 s of them.
        var next = pace.Next(Start.AddMilliseconds(100))!.Value;

        Assert.Equal((long)(BatchPace.TransactionTime / TimeSpan.FromMilliseconds(100) * 100_000), next.Work);
        Assert.Equal(2_900_000, next.FirstArticleWork);
        Assert.Equal(TimeSpan.FromMilliseconds(2_900), next.ClaimWait);
    }

    [Fact]
    public void an_article_too_big_for_the_transaction_time_but_not_for_the_time_left_goes_in_alone()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        pace.Taken(work: 100_000, text: 100_000);
        var next = pace.Next(Start.AddMilliseconds(100))!.Value;

        Assert.Equal(1, pace.Fitting(Articles(3, 2_000_000), 0, 250, next));
        Assert.Equal(0, pace.Fitting(Articles(3, 3_000_000), 0, 250, next));
    }

    [Fact]
    public void once_the_deadline_has_gone_by_no_later_transaction_is_planned()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        pace.Taken(work: 100_000, text: 100_000);

        Assert.Null(pace.Next(Start.AddSeconds(3)));
    }

    [Fact]
    public void when_the_articles_taken_cost_more_than_their_text_the_next_chunk_is_sized_by_that_cost()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        // Ten short articles with ten alerts and deliveries each: 1,000 characters of text, 500,000 units of work.
        pace.Taken(work: 1_000 + 100 * BatchPace.CharactersPerWrite, text: 1_000);
        var allowance = new Allowance(2_000_000, 2_000_000, TimeSpan.FromSeconds(1));

        Assert.Equal(39, pace.Fitting(Articles(250, 100), 0, 250, allowance));
    }

    [Fact]
    public void a_later_transaction_takes_no_article_that_does_not_fit()
    {
        var pace = new BatchPace(Start.AddSeconds(3), Start);
        pace.Taken(work: 100_000, text: 100_000);

        Assert.Equal(0, pace.Fitting(Articles(3, 50_000), 0, 250, new Allowance(40_000, 40_000, TimeSpan.FromSeconds(1))));
    }
}
