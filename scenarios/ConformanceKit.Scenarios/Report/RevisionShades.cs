using System.Globalization;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// Draws each pod's revision (its controller-revision-hash label) on the SVG timeline: a thin stripe under the pod's bar
/// in one shade per revision, the revision's hash at the right of the label column, and a legend naming each revision
/// (with its ControllerRevision number when recorded), so the order of a roll shows at a glance.
/// </summary>
internal sealed class RevisionShades
{
    private const double StripeHeight = 3, LabelRight = 186;
    private static readonly string[] Palette = ["#6a3d9a", "#ff7f00", "#1f78b4", "#b15928", "#e7298a", "#17becf"];
    private readonly List<string> revisions;
    private readonly Dictionary<string, long?> numbers;

    private RevisionShades(List<string> revisions, Dictionary<string, long?> numbers) => (this.revisions, this.numbers) = (revisions, numbers);

    /// <summary>The revisions of the timeline's pods, in order of first appearance (pods ordered by creation).</summary>
    public static RevisionShades Of(Timeline.Timeline timeline)
    {
        var revisions = timeline.Pods.Select(p => p.Revision).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var numbers = revisions.ToDictionary(r => r, r => timeline.ControllerRevisions.LastOrDefault(c => c.Name == r)?.Number, StringComparer.Ordinal);
        return new RevisionShades(revisions, numbers);
    }

    /// <summary>The shade of <paramref name="revision"/>.</summary>
    public string Shade(string revision) => Palette[revisions.IndexOf(revision) % Palette.Length];

    /// <summary>Adds the pod's revision stripe (from creation to <paramref name="stop"/>) and hash label to its row.</summary>
    public void Draw(XElement row, PodHistory pod, double y, TimeScale scale, DateTimeOffset stop, double barBottom)
    {
        if (pod.Revision is not { } revision)
        {
            return;
        }

        var shade = Shade(revision);
        var from = scale.X(pod.Created.Best);
        row.Add(new XElement(SvgTimeline.Svg + "rect", new XAttribute("class", "revision"),
            new XAttribute("x", F(from)), new XAttribute("y", F(y + barBottom)),
            new XAttribute("width", F(Math.Max(1, scale.X(stop) - from))), new XAttribute("height", F(StripeHeight)), new XAttribute("fill", shade),
            new XElement(SvgTimeline.Svg + "title", $"revision {Describe(revision)}")));
        row.Add(new XElement(SvgTimeline.Svg + "text", new XAttribute("class", "revision"),
            new XAttribute("x", F(LabelRight)), new XAttribute("y", F(y + 12)), new XAttribute("text-anchor", "end"),
            new XAttribute("font-size", "9"), new XAttribute("fill", shade), Hash(revision)));
    }

    /// <summary>One line naming every revision in its shade, or null when no pod carried one.</summary>
    public XElement? Legend(double x, double y)
    {
        if (revisions.Count == 0)
        {
            return null;
        }

        var g = new XElement(SvgTimeline.Svg + "g", new XAttribute("class", "revisions"),
            new XElement(SvgTimeline.Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("font-size", "10"), "revisions:"));
        var at = x + 52;
        foreach (var revision in revisions)
        {
            var text = Describe(revision);
            g.Add(new XElement(SvgTimeline.Svg + "rect", new XAttribute("x", F(at)), new XAttribute("y", F(y - 8)), new XAttribute("width", "10"),
                new XAttribute("height", "8"), new XAttribute("fill", Shade(revision))));
            g.Add(new XElement(SvgTimeline.Svg + "text", new XAttribute("x", F(at + 13)), new XAttribute("y", F(y)), new XAttribute("font-size", "10"), text));
            at += 24 + (text.Length * 5.6);
        }

        return g;
    }

    private string Describe(string revision) =>
        numbers.GetValueOrDefault(revision) is { } n ? string.Create(CultureInfo.InvariantCulture, $"{revision} (revision {n})") : revision;

    // web-84d84cd6db -> 84d84cd6db: the set's name is on the row already.
    private static string Hash(string revision) => revision.LastIndexOf('-') is var dash and > 0 ? revision[(dash + 1)..] : revision;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
