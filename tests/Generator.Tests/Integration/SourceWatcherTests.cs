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
}
