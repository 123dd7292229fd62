using System.Globalization;
using BenchmarkDotNet.Running;
using Generator.Benchmarks;

// `corpus --topics N --out DIR [--photos none|png|1600|4000]` writes a benchmark corpus (photos: 1×1 PNGs by default,
// real-sized JPEGs of 1600 × 1067, or 4000 × 3000 with GPS);
// `photos --count N --out DIR [--photos none|1600|4000]` writes a site of N photos alone (photo-bench.sh);
// `encoder-profile --photos DIR --count K` times each format and AVIF effort at 800 px, with bytes and SSIM;
// `preview-latency --corpus DIR --theme DIR --edits E --edit body|title|tag|i18n --tool NAME --clean-build-peak-kib K
// -- COMMAND ARGS...` times save → served-changed of a preview server (see preview-latency.sh);
// `session-profile --corpus DIR --theme DIR [--rounds R [--only body|title|tag|i18n|layout]]` prints where a session's rebuilds spend their time (edits the files of DIR and, for i18n and layout, of the theme: pass copies);
// anything else runs the BenchmarkDotNet micro-benchmarks (e.g. `--filter '*'`).
if (args is ["corpus", "--topics", var count, "--out", var folder, .. var corpusOptions])
{
    if (PhotosOption(corpusOptions) is not { } corpusKind)
        return Usage();
    Corpus.Write(int.Parse(count, CultureInfo.InvariantCulture), folder, photos: corpusKind);
    Console.WriteLine($"wrote {count} topics in two languages to {Path.Combine(folder, "input")}");
    return 0;
}

if (args is ["encoder-profile", "--photos", var profileFolder, "--count", var profileCount])
    return EncoderProfile.Run(profileFolder, int.Parse(profileCount, CultureInfo.InvariantCulture));

if (args is ["photos", "--count", var photoCount, "--out", var photoFolder, .. var photoOptions])
{
    if (PhotosOption(photoOptions, CorpusPhotos.Jpeg1600) is not { } photoKind || photoKind == CorpusPhotos.Png)
        return Usage();
    Corpus.WritePhotoSite(int.Parse(photoCount, CultureInfo.InvariantCulture), photoFolder, photoKind);
    Console.WriteLine($"wrote {photoCount} photos ({photoKind}) to {Path.Combine(photoFolder, "input")}");
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

static CorpusPhotos? PhotosOption(string[] options, CorpusPhotos fallback = CorpusPhotos.Png) => options switch
{
    [] => fallback,
    ["--photos", "none"] => CorpusPhotos.None,
    ["--photos", "png"] => CorpusPhotos.Png,
    ["--photos", "1600"] => CorpusPhotos.Jpeg1600,
    ["--photos", "4000"] => CorpusPhotos.Jpeg4000,
    _ => null,
};

static int Usage()
{
    Console.Error.WriteLine("usage: corpus --topics N --out DIR [--photos none|png|1600|4000] | photos --count N --out DIR [--photos none|1600|4000]");
    return 2;
}
