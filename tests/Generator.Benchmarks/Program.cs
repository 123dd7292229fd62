using BenchmarkDotNet.Running;
using Generator.Benchmarks;

// `corpus --topics N --out DIR` writes a benchmark corpus; anything else runs the
// BenchmarkDotNet micro-benchmarks (e.g. `--filter '*'`).
if (args is ["corpus", "--topics", var count, "--out", var folder])
{
    Corpus.Write(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), folder);
    Console.WriteLine($"wrote {count} topics in two languages to {Path.Combine(folder, "input")}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
