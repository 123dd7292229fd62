using System.Globalization;
using BenchmarkDotNet.Running;
using Generator.Benchmarks;

// `corpus --topics N --out DIR` writes a benchmark corpus;
// `preview-latency --corpus DIR --edits E --edit body|title --tool NAME -- COMMAND ARGS...` times save → served-changed
// of a preview server (see preview-latency.sh); anything else runs the BenchmarkDotNet
// micro-benchmarks (e.g. `--filter '*'`).
if (args is ["corpus", "--topics", var count, "--out", var folder])
{
    Corpus.Write(int.Parse(count, CultureInfo.InvariantCulture), folder);
    Console.WriteLine($"wrote {count} topics in two languages to {Path.Combine(folder, "input")}");
    return 0;
}

if (args is ["preview-latency", "--corpus", var corpus, "--edits", var edits, "--edit", var edit and ("body" or "title"), "--tool", var tool, "--", var command, .. var rest])
    return PreviewLatency.Run(corpus, command, rest, tool, int.Parse(edits, CultureInfo.InvariantCulture), edit, PreviewLatency.OurPage);

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
