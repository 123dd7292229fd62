using System.Globalization;
using BenchmarkDotNet.Running;
using Generator.Benchmarks;

// `corpus --topics N --out DIR` writes a benchmark corpus;
// `preview-latency --corpus DIR --theme DIR --edits E --edit body|title|tag|i18n --tool NAME --clean-build-peak-kib K
// -- COMMAND ARGS...` times save → served-changed of a preview server (see preview-latency.sh);
// `session-profile --corpus DIR --theme DIR [--rounds R [--only body|title|i18n|layout]]` prints where a session's rebuilds spend their time (edits the files of DIR and, for i18n and layout, of the theme: pass copies);
// anything else runs the BenchmarkDotNet micro-benchmarks (e.g. `--filter '*'`).
if (args is ["corpus", "--topics", var count, "--out", var folder])
{
    Corpus.Write(int.Parse(count, CultureInfo.InvariantCulture), folder);
    Console.WriteLine($"wrote {count} topics in two languages to {Path.Combine(folder, "input")}");
    return 0;
}

if (args is ["preview-latency", "--corpus", var corpus, "--theme", var theme, "--edits", var edits, "--edit", var edit and ("body" or "title" or "tag" or "i18n"),
    "--tool", var tool, "--clean-build-peak-kib", var buildPeak, "--", var command, .. var rest])
{
    // Both sites put a topic at the same URL; Hugo's names a tag by its key, ours by taxonomy.yml.
    return PreviewLatency.Run(corpus, theme, command, rest, tool, int.Parse(edits, CultureInfo.InvariantCulture), edit,
        PreviewLatency.OurPage, tool == "hugo" ? PreviewLatency.HugoTagName : PreviewLatency.OurTagName,
        double.Parse(buildPeak, CultureInfo.InvariantCulture) / 1024);
}

if (args is ["session-profile", "--corpus", var profiled, "--theme", var profileTheme, .. var more])
    return more switch
    {
        ["--rounds", var rounds, "--only", var only] => SessionProfile.Run(profiled, profileTheme, int.Parse(rounds, CultureInfo.InvariantCulture), only),
        ["--rounds", var rounds] => SessionProfile.Run(profiled, profileTheme, int.Parse(rounds, CultureInfo.InvariantCulture)),
        _ => SessionProfile.Run(profiled, profileTheme),
    };

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
