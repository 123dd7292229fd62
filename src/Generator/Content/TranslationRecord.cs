using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Generator.Content;

/// What a translation was made from, written by `translations mark` beside the content in
/// <c>input/.translations/&lt;lang&gt;/&lt;path&gt;.yml</c> (a hidden folder: the build never reads
/// it): the original's fingerprint, the commit it was at, and every block of the original
/// with its hash and its text. The text is kept (not only the commit) because CI checks out
/// one commit without history, and the word-level diff must work there too.
public sealed class TranslationRecord
{
    public const string Folder = ".translations";

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// The original's path as diagnostics show it (input/en/topics/2022/x.md).
    public string Original { get; set; } = "";

    /// The original's whole-file fingerprint, as in the translation's translated_from.
    public string Fingerprint { get; set; } = "";

    /// HEAD of the Git work tree when the translation was marked (absent outside Git).
    public string? Commit { get; set; }

    /// True when the original had changes not yet committed at that time.
    public bool? OriginalModified { get; set; }

    /// Who marked it: Git's user.name and user.email, or the login name outside Git.
    public string? MarkedBy { get; set; }

    /// Original changes that someone decided need no retranslation (`translations mark --minor`).
    public List<MinorEdit> Minor { get; set; } = [];

    public List<Block> Blocks { get; set; } = [];

    public static string PathFor(string inputFolder, string translationRelativePath) =>
        Path.Combine(inputFolder, Folder, Path.ChangeExtension(translationRelativePath, ".yml"));

    /// The record, or null when there is none or it cannot be read (marking again rewrites it).
    public static TranslationRecord? Read(string file)
    {
        if (!File.Exists(file))
            return null;
        try
        {
            return Reader.Deserialize<TranslationRecord>(File.ReadAllText(file));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    public void Write(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var text = "# Written by 'translations mark': what the original said when this translation was marked.\n" + Writer.Serialize(this);
        File.WriteAllText(file, text.Replace("\r\n", "\n"));
    }

    public IReadOnlyList<TranslationBlock> ToBlocks() =>
        [.. Blocks.Select(b => new TranslationBlock(b.Kind, b.Text, b.Line, b.Hash))];

    public static List<Block> FromBlocks(IEnumerable<TranslationBlock> blocks) =>
        [.. blocks.Select(b => new Block { Kind = b.Kind, Line = b.Line, Hash = b.Hash, Text = b.Text })];

    public sealed class Block
    {
        public string Kind { get; set; } = "";

        public int Line { get; set; }

        public string Hash { get; set; } = "";

        public string Text { get; set; } = "";
    }

    public sealed class MinorEdit
    {
        public string From { get; set; } = "";

        public string To { get; set; } = "";

        public string By { get; set; } = "";

        public string? On { get; set; }

        public string? Commit { get; set; }
    }
}
