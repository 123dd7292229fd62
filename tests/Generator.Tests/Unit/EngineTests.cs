using System.Collections.Concurrent;
using Generator.Engine;

namespace Generator.Tests.Unit;

// Issue 2: the engine's phases, dependencies, diagnostics and ordering.
public sealed class EngineTests
{
    [Fact]
    public async Task An_unknown_dependency_is_reported_in_one_plain_sentence_and_nothing_runs()
    {
        var ran = new Probe("ran");
        var result = await new Engine.Engine([
            new Pipeline("Content") { Process = { ran } },
            new Pipeline("Archives") { Dependencies = { "Contnet" } },
        ]).RunAsync(new EngineOptions());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("error GEN001: Pipeline 'Archives' depends on 'Contnet', which does not exist; known pipelines are 'Archives', 'Content'.", error.ToString());
        Assert.Equal(0, ran.Calls);
    }

    [Fact]
    public async Task A_cycle_is_reported_with_its_path()
    {
        var result = await new Engine.Engine([
            new Pipeline("A") { Dependencies = { "B" } },
            new Pipeline("B") { Dependencies = { "C" } },
            new Pipeline("C") { Dependencies = { "A" } },
        ]).RunAsync(new EngineOptions());

        Assert.Equal("error GEN001: Pipelines depend on each other in a cycle: 'A' → 'B' → 'C' → 'A'.", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task Every_process_phase_finishes_before_any_post_process_starts()
    {
        var log = new ConcurrentQueue<string>();
        var result = await new Engine.Engine([
            new Pipeline("Fast") { Process = { new Probe("fast process", log) }, PostProcess = { new Probe("fast post", log) } },
            new Pipeline("Slow") { Process = { new Probe("slow process", log, delayMs: 200) }, PostProcess = { new Probe("slow post", log) } },
        ]).RunAsync(new EngineOptions());

        Assert.True(result.Succeeded);
        var order = log.ToList();
        var lastProcess = Math.Max(order.IndexOf("fast process"), order.IndexOf("slow process"));
        var firstPost = Math.Min(order.IndexOf("fast post"), order.IndexOf("slow post"));
        Assert.True(lastProcess < firstPost, string.Join(", ", order));
    }

    [Fact]
    public async Task A_dependent_pipeline_sees_its_dependency_documents_and_runs_after_it()
    {
        IReadOnlyList<Document>? seen = null;
        var result = await new Engine.Engine([
            new Pipeline("Lists") { Dependencies = { "Content" }, Process = { new Lambda((_, c) => { seen = c.OutputsOf("Content"); return []; }) } },
            new Pipeline("Content") { Input = { new Lambda((_, _) => [new Document { Destination = "a.html", Content = "a" }]) } },
        ]).RunAsync(new EngineOptions());

        Assert.True(result.Succeeded);
        Assert.Equal("a.html", Assert.Single(seen!).Destination);
    }

    [Fact]
    public async Task A_module_that_throws_is_reported_and_the_other_pipelines_still_run()
    {
        var other = new Probe("other");
        var result = await new Engine.Engine([
            new Pipeline("Broken") { Process = { new Lambda((_, _) => throw new InvalidOperationException("boom")) } },
            new Pipeline("Other") { Process = { other } },
        ]).RunAsync(new EngineOptions());

        Assert.Equal("error GEN002: internal error in pipeline 'Broken', module Lambda (Process): InvalidOperationException: boom",
            Assert.Single(result.Diagnostics).ToString());
        Assert.Single(result.Bugs);
        Assert.Equal(1, other.Calls);
    }

    [Fact]
    public async Task Diagnostics_come_out_sorted_by_file_and_position_whatever_the_order_they_were_reported_in()
    {
        var result = await new Engine.Engine([
            new Pipeline("P")
            {
                Process =
                {
                    new Lambda((docs, c) =>
                    {
                        c.Error("GEN100", new SourcePosition("b.md", 1, 1), "b");
                        c.Error("GEN100", new SourcePosition("a.md", 9, 1), "a9");
                        c.Warning("GEN100", new SourcePosition("a.md", 2, 5), "a2");
                        return docs;
                    }),
                },
            },
        ]).RunAsync(new EngineOptions());

        Assert.Equal(
            ["a.md(2,5): warning GEN100: a2", "a.md(9,1): error GEN100: a9", "b.md(1,1): error GEN100: b"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task A_file_is_read_once_per_build_and_in_a_session_again_only_after_a_change_touches_it()
    {
        // Given two files that each pipeline reads through the context
        var folder = Directory.CreateTempSubdirectory("engine-reads-").FullName;
        var a = Path.Combine(folder, "a.txt");
        var b = Path.Combine(folder, "b.txt");
        File.WriteAllText(a, "a");
        File.WriteAllText(b, "b");
        var reads = new ConcurrentDictionary<string, int>();
        string Read(string path)
        {
            reads.AddOrUpdate(Path.GetFileName(path), 1, (_, n) => n + 1);
            return File.ReadAllText(path);
        }

        Lambda Reader() => new((_, c) => [new Document { Destination = c.Pipeline.Name, Content = c.ReadFile(a, "text", Read) + c.ReadFile(b, "text", Read) }]);
        var engine = new Engine.Engine([new Pipeline("One") { Process = { Reader() } }, new Pipeline("Two") { Process = { Reader() } }]);
        var session = new BuildSession();

        // When a session builds, b changes, and then a changes
        await engine.RunAsync(new EngineOptions { Session = session });
        var first = new Dictionary<string, int>(reads);
        File.WriteAllText(b, "B");
        await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([b]));
        var second = new Dictionary<string, int>(reads);
        File.WriteAllText(a, "A");
        var third = await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([a]));

        // Then each file was read once per build that needed it, whichever pipeline asked
        Assert.Equal(new Dictionary<string, int> { ["a.txt"] = 1, ["b.txt"] = 1 }, first);
        Assert.Equal(new Dictionary<string, int> { ["a.txt"] = 1, ["b.txt"] = 2 }, second);
        Assert.Equal(2, reads["a.txt"]);
        Assert.Equal("AB", third.Outputs["One"].Single().Content);
        Assert.Equal("AB", third.Outputs["Two"].Single().Content);
    }

    [Fact]
    public async Task A_per_document_step_that_keeps_prepared_state_in_the_session_still_reuses_its_results()
    {
        // Given a per-document step whose preparation keeps a memory of its own (CheckLinks does)
        var step = new Counting(keepsMemory: true);
        var engine = new Engine.Engine([new Pipeline("P") { Input = { Inputs("a.md", "b.md") }, Process = { step } }]);
        var session = new BuildSession();

        // When a session builds twice with nothing changed
        await engine.RunAsync(new EngineOptions { Session = session });
        await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([]));

        // Then each document ran once: the engine's memory of the results was not replaced by the step's
        Assert.Equal(2, step.Runs);
    }

    [Fact]
    public async Task Documents_that_share_a_source_are_each_reused_in_a_session()
    {
        // Given two documents from one source (a photo made from an asset that is also published as it is)
        var step = new Counting(keepsMemory: false);
        var engine = new Engine.Engine([new Pipeline("P") { Input = { Inputs("p.png", "p.png") }, Process = { step } }]);
        var session = new BuildSession();

        // When a session builds twice with nothing changed
        await engine.RunAsync(new EngineOptions { Session = session });
        var second = await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([]));

        // Then neither ran again, and both are still there
        Assert.Equal(2, step.Runs);
        Assert.Equal(["p.png 1", "p.png 2"], second.Outputs["P"].Select(d => d.Content));
    }

    [Fact]
    public async Task A_step_that_prepares_from_declared_keys_prepares_again_only_when_one_of_them_changed()
    {
        // Given pages whose title and body come from files, and a step that prepares the list of
        // titles from the titles alone
        var folder = Directory.CreateTempSubdirectory("engine-prepare-").FullName;
        var files = new[] { Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.txt") };
        File.WriteAllText(files[0], "A|body");
        File.WriteAllText(files[1], "B|body");
        var pages = new Lambda((_, c) => [.. files.Select(f => c.ReadFile(f, "text", File.ReadAllText).Split('|') is var parts
            ? new Document { Source = Path.GetFileName(f), Content = parts[1] }.With("title", parts[0])
            : null!)]);
        var step = new Titles();
        var engine = new Engine.Engine([new Pipeline("P") { Input = { pages }, Process = { step } }]);
        var session = new BuildSession();

        // When a session builds, a's body changes, and then b's title
        await engine.RunAsync(new EngineOptions { Session = session });
        File.WriteAllText(files[0], "A|new body");
        var second = await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([files[0]]));
        var preparedAfterBody = step.Prepared;
        File.WriteAllText(files[1], "C|body");
        var third = await engine.RunAsync(new EngineOptions { Session = session }, ChangeSet.Of([files[1]]));

        // Then the body edit prepared nothing again, the title edit did, and every page lists the titles as they are
        Assert.Equal(1, preparedAfterBody);
        Assert.Equal(["A,B", "A,B"], second.Outputs["P"].Select(d => d.Get<string>("titles")));
        Assert.Equal(2, step.Prepared);
        Assert.Equal(["A,C", "A,C"], third.Outputs["P"].Select(d => d.Get<string>("titles")));
        Assert.Equal("new body", third.Outputs["P"][0].Content);
    }

    /// Gives each page every page's title, prepared from the titles alone.
    private sealed class Titles : DocumentModule<string>
    {
        private int prepared;

        public int Prepared => prepared;

        protected override IReadOnlyList<string> PrepareReads { get; } = ["title"];

        protected override string Prepare(IReadOnlyList<Document> inputs, BuildContext context)
        {
            Interlocked.Increment(ref prepared);
            return string.Join(",", inputs.Select(d => d.Get<string>("title")));
        }

        protected override object? Lookup(string key, string state) => state;

        protected override Document? Execute(Document input, string state, BuildContext context)
        {
            context.DependOn("titles", state);
            return input.With("titles", state);
        }
    }

    [Fact]
    public void Documents_are_changed_by_copying()
    {
        var original = new Document { Source = "a.md" }.With("title", "A");

        var changed = original.With("title", "B");

        Assert.Equal("A", original.Get<string>("title"));
        Assert.Equal("B", changed.Get<string>("title"));
    }

    private static Lambda Inputs(params string[] sources) =>
        new((_, _) => [.. sources.Select((source, i) => new Document { Source = source, Content = $"{source} {i + 1}" })]);

    private sealed class Counting(bool keepsMemory) : DocumentModule<object?>
    {
        private int runs;

        public int Runs => runs;

        private sealed class Own
        {
        }

        protected override object? Prepare(IReadOnlyList<Document> inputs, BuildContext context) =>
            keepsMemory ? context.Memory<Own>() : null;

        protected override Document? Execute(Document input, object? state, BuildContext context)
        {
            Interlocked.Increment(ref runs);
            return input;
        }
    }

    private sealed class Probe(string name, ConcurrentQueue<string>? log = null, int delayMs = 0) : IModule
    {
        private int calls;

        public int Calls => calls;

        public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context)
        {
            Interlocked.Increment(ref calls);
            if (delayMs > 0)
                await Task.Delay(delayMs);
            log?.Enqueue(name);
            return inputs;
        }
    }

    private sealed class Lambda(Func<IReadOnlyList<Document>, BuildContext, IReadOnlyList<Document>> run) : IModule
    {
        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, BuildContext context) =>
            Task.FromResult(run(inputs, context));
    }
}
