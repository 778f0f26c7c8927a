using MediaMonitor.Matching.Stories;
using MediaMonitor.Stories;

namespace MediaMonitor.Api.Tests.Stories;

public sealed class PlacingStories
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Rockets = Guid.NewGuid();
    private static readonly Guid Airports = Guid.NewGuid();

    private const string Report =
        "Three rockets struck near Baghdad International Airport late on Tuesday, damaging a hangar used by a logistics " +
        "contractor and a civilian aircraft parked nearby, Iraqi security officials said. No casualties were reported in the " +
        "attack, the third to target the airport area this month. The rockets were fired from the Radwaniya district south of " +
        "the airport, where police later found a launcher mounted on a pickup truck. No group immediately claimed responsibility.";

    private const string Other =
        "Two drones packed with explosives struck a base hosting coalition troops near Erbil airport in northern Iraq on " +
        "Saturday night, setting fire to a fuel depot, Kurdish security officials said. One contractor was wounded in the " +
        "attack, the second on the base in two weeks. Air defences shot down a third drone over the village of Kalak.";

    private static StoryArrival Arrival(string body, DateTimeOffset at, string lang = "en", params Guid[] matched) =>
        new(Guid.NewGuid(), lang, at, StorySignature.Of(body, lang), matched);

    private static StoryMember Stored(StoryArrival a, Guid story, params Guid[] storyMatched) =>
        new(a.ArticleId, story, a.Lang, a.At, a.Signature!, storyMatched.ToHashSet());

    private static Guid NewId() => Guid.CreateVersion7();

    [Fact]
    public void a_copy_joins_the_stored_story_and_learns_what_it_had_matched()
    {
        var story = Guid.NewGuid();
        var original = Arrival(Report, Noon);
        var copy = Arrival("BAGHDAD (Reuters) - " + Report, Noon.AddHours(5), matched: Rockets);

        var placed = Assert.Single(StoryGrouping.Place([copy], [Stored(original, story, Rockets)], NewId));

        Assert.Equal(story, placed.Story.StoryId);
        Assert.False(placed.Story.StartedStory);
        Assert.Equal(original.ArticleId, placed.Story.NearestArticleId);
        Assert.InRange(placed.Story.Similarity!.Value, 0.5, 1.0);
        Assert.Equal([Rockets], placed.MatchedBefore);
    }

    [Fact]
    public void copies_in_one_chunk_find_each_other_and_a_later_one_sees_what_the_earlier_matched()
    {
        var first = Arrival(Report, Noon, matched: Rockets);
        var unrelated = Arrival(Other, Noon);
        var copy = Arrival(Report + " Read more: Iraq news.", Noon.AddMinutes(30), matched: [Rockets, Airports]);

        var placed = StoryGrouping.Place([first, unrelated, copy], [], NewId);

        Assert.True(placed[0].Story.StartedStory);
        Assert.True(placed[1].Story.StartedStory);
        Assert.NotEqual(placed[0].Story.StoryId, placed[1].Story.StoryId);
        Assert.Equal(placed[0].Story.StoryId, placed[2].Story.StoryId);
        Assert.Empty(placed[0].MatchedBefore);
        Assert.Equal([Rockets], placed[2].MatchedBefore);
    }

    [Fact]
    public void a_copy_outside_the_window_or_in_another_language_starts_its_own_story()
    {
        var original = Arrival(Report, Noon);
        var late = Arrival(Report + " Updated.", Noon + StoryGrouping.Window + TimeSpan.FromMinutes(1));
        var tagged = Arrival(Report + " Updated.", Noon, lang: "fr");

        var placed = StoryGrouping.Place([late, tagged], [Stored(original, Guid.NewGuid())], NewId);

        Assert.All(placed, p => Assert.True(p.Story.StartedStory));
        Assert.NotEqual(placed[0].Story.StoryId, placed[1].Story.StoryId);
    }

    [Fact]
    public void the_closest_of_two_stories_wins()
    {
        var trimmed = Arrival(Report[..(Report.Length * 2 / 3)], Noon);
        var full = Arrival("BAGHDAD (Reuters) - " + Report, Noon);
        var (near, far) = (Guid.NewGuid(), Guid.NewGuid());

        var placed = Assert.Single(StoryGrouping.Place([Arrival(Report, Noon.AddHours(1))], [Stored(trimmed, far), Stored(full, near)], NewId));

        Assert.Equal(near, placed.Story.StoryId);
        Assert.Equal(full.ArticleId, placed.Story.NearestArticleId);
    }

    [Fact]
    public void a_body_too_short_to_judge_starts_a_story_nothing_joins()
    {
        var placed = StoryGrouping.Place([Arrival("Rockets hit.", Noon), Arrival("Rockets hit.", Noon)], [], NewId);

        Assert.All(placed, p => Assert.Null(p.Story.Signature));
        Assert.NotEqual(placed[0].Story.StoryId, placed[1].Story.StoryId);
    }
}
