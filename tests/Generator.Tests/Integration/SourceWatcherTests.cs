using Generator.Preview;

namespace Generator.Tests.Integration;

// Issue 6: the watcher's quiet period coalesces an editor's multi-step save into one
// rebuild, and reports the paths it touched so preview can re-read only those.
public sealed class SourceWatcherTests
{
    [Fact]
    public async Task A_save_through_a_temp_file_and_a_rename_settles_once_with_both_paths()
    {
        var folder = Directory.CreateTempSubdirectory("generator-watch-").FullName;
        try
        {
            var target = Path.Combine(folder, "topics", "a.md");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, "old");
            var settled = new TaskCompletionSource<IReadOnlyCollection<string>?>(TaskCreationOptions.RunContinuationsAsynchronously);
            // A long quiet period here, so the test proves the coalescing, not the machine's speed.
            using (new SourceWatcher([folder], TimeSpan.FromMilliseconds(500), paths => settled.TrySetResult(paths)))
            {
                // Given an editor's save: write a temp file, then rename it over the original
                var temp = Path.Combine(folder, "topics", "a.md.tmp");
                File.WriteAllText(temp, "new");
                File.Move(temp, target, overwrite: true);

                // When the burst settles (30 s is a hang guard, not a speed assertion)
                var paths = await settled.Task.WaitAsync(TimeSpan.FromSeconds(30));

                // Then one callback names both steps' paths, and the file is complete
                Assert.NotNull(paths);
                Assert.Contains(target, paths);
                Assert.Contains(temp, paths);
                Assert.Equal("new", File.ReadAllText(target));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Issue 13 (outside look): after `mv input input.away` and a new input/, edits in the
    // new folder were never seen.
    [Fact]
    public async Task A_folder_replaced_under_its_name_is_watched_again()
    {
        var root = Directory.CreateTempSubdirectory("generator-watch-").FullName;
        try
        {
            var input = Path.Combine(root, "input");
            Directory.CreateDirectory(input);
            var calls = System.Threading.Channels.Channel.CreateUnbounded<IReadOnlyCollection<string>?>();
            using (new SourceWatcher([input], TimeSpan.FromMilliseconds(100), paths => calls.Writer.TryWrite(paths)))
            {
                // Given the folder moved away and another one made under its name
                Directory.Move(input, Path.Combine(root, "input.away"));
                Directory.CreateDirectory(input);
                await DrainAsync(calls.Reader);

                // When a file of the new folder is saved
                var page = Path.Combine(input, "a.md");
                File.WriteAllText(page, "new");

                // Then the watcher reports it (30 s is a hang guard, not a speed assertion)
                var seen = false;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                while (!seen)
                {
                    var paths = await calls.Reader.ReadAsync(timeout.Token);
                    seen = paths is null || paths.Contains(page);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// Waits for the burst the move made to settle, and forgets it.
    private static async Task DrainAsync(System.Threading.Channels.ChannelReader<IReadOnlyCollection<string>?> reader)
    {
        await Task.Delay(500);
        while (reader.TryRead(out _))
        {
        }
    }
}
