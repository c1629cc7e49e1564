using ReportHub.Bench.Generation;

namespace ReportHub.Bench.Run;

/// <summary>The floor, the library baseline and the pandas peer over the same folder, each a whole process.</summary>
internal sealed record SideBySideTimes(IReadOnlyList<double> Floor, IReadOnlyList<double> Baseline, IReadOnlyList<double> Peer)
{
    public static SideBySideTimes Measure(string dir, ExpectedRound expected, BenchSettings settings)
    {
        var floor = new List<double>();
        var baseline = new List<double>();
        var peer = new List<double>();
        var script = Path.Combine(Paths.Repo, "bench", "peers", "round_totals.py");
        var baselineDb = Path.Combine(settings.WorkDir, "baseline.db");
        for (var i = 0; i < settings.Runs; i++)
        {
            floor.Add(Proc.Check(Tools.Self(["readers-one", "zip-xml", dir]), "floor (ZipArchive + XmlReader)").WallSeconds);
            baseline.Add(Proc.Check(Tools.Self(["baseline-one", dir, baselineDb]), "library baseline (ExcelDataReader + SQLite)").WallSeconds);
            var p = Proc.Check(Proc.Run(Tools.Python, [script, dir], measureRss: true), "pandas peer");
            ReportHub.Bench.Run.Measure.Expect("pandas peer", ReportHub.Bench.Run.Measure.PeerTotals(p.Stdout, expected.Files.Count), expected);
            peer.Add(p.WallSeconds);
        }
        return new SideBySideTimes(floor, baseline, peer);
    }
}
