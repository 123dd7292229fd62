using System.Text;
using Generator.Engine;

namespace Generator.Photos;

/// The image cache marks its root with a CACHEDIR.TAG (the Cache Directory Tagging
/// Specification, which backup tools such as tar, Borg and restic honour), and the build
/// never publishes a folder so marked: a cache copied or moved into input/ would otherwise
/// be published, with its records of each original's device, inode, hash and local path.
public static class CacheTag
{
    public const string FileName = "CACHEDIR.TAG";

    private const string Text =
        "Signature: 8a477f597d28d172789f06886806bc55\n" +
        "# This file is a cache directory tag created by the White Paper Topics generator:\n" +
        "# the folder holds derivatives of photos and is never published.\n" +
        "# For information about cache directory tags, see https://bford.info/cachedir/\n";

    /// Writes the tag at <paramref name="root"/> when it is not there yet.
    public static void Mark(string root)
    {
        var tag = Path.Combine(root, FileName);
        if (!File.Exists(tag))
            WholeFile.Write(tag, Encoding.ASCII.GetBytes(Text));
    }

    /// <paramref name="relative"/> ('/' separators, relative to <paramref name="root"/>) lies in
    /// a folder below <paramref name="root"/> that holds a cache tag.
    public static bool IsInTaggedFolder(string root, string relative)
    {
        for (var end = relative.LastIndexOf('/'); end > 0; end = relative.LastIndexOf('/', end - 1))
        {
            if (File.Exists(Path.Combine(root, relative[..end], FileName)))
                return true;
        }

        return false;
    }
}
