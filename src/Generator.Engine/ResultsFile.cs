using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace Generator.Engine;

/// A session's per-document results kept on disk between processes (issue 18): what CI
/// restores so that a build where one topic changed runs only the steps that change reaches.
/// Kept per result: the fingerprint of the input, the outputs as what the step changed of it
/// (<see cref="KeptOutputs"/>), the diagnostics, and the reads, each by the fingerprint of
/// what was read. A file read is kept with its stamp and the hash of its bytes (a fresh
/// checkout gives every file a new stamp but the same bytes); a folder listed, with the
/// fingerprint of its listing; a selection from another pipeline, as a read of that whole
/// pipeline (the function that selected is not kept). A result holding a value that cannot be
/// written (<see cref="ValueWriter"/>) is left out and made again.
///
/// The file starts with its format, the build of the generator that wrote it
/// (<see cref="Version"/>) and the build's configuration, then the XxHash128 of the rest:
/// a file of another build or configuration is not used, and a damaged one is reported once
/// and not used. Either way the build runs as if there were none, and writes a new one.
public sealed class ResultsFile(string folder, Fingerprint version)
{
    private static readonly byte[] Magic = "GENRSLT1"u8.ToArray();

    /// The folder holding one file per configuration (a build and a check differ).
    public string Folder { get; } = Path.GetFullPath(folder);

    /// The generator's own build: a file another build wrote is not read.
    public Fingerprint Version { get; } = version;

    /// How many files of other configurations are kept beside the current one.
    private const int Kept = 3;

    public string FileFor(Fingerprint configuration) => Path.Combine(Folder, configuration.ToString()[..16] + ".bin");

    /// A session with the results of the last build of <paramref name="configuration"/>, and
    /// the changes since (the files read whose bytes changed, the folders whose listing did);
    /// a new session and every change when there is none that can be used, with the reason
    /// for a damaged one.
    internal Loaded Load(Fingerprint configuration, IReadOnlyList<Pipeline> pipelines)
    {
        var file = FileFor(configuration);
        byte[] bytes;
        try
        {
            if (!File.Exists(file))
                return Loaded.Fresh(null);
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Loaded.Fresh($"it cannot be read ({Reasons.Of(e)})");
        }

        const int header = 8 + 16 + 16 + 16;
        if (bytes.Length < header || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            return Loaded.Fresh("it is not a results file of this generator");
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), Encoding.UTF8);
        reader.BaseStream.Position = 8;
        var values = new ValueReader(reader, []);
        if (values.Fingerprint() != Version || values.Fingerprint() != configuration)
            return Loaded.Fresh(null); // another build of the generator, or a hash prefix shared by two configurations
        var checksum = values.Fingerprint();
        if (new Fingerprint(XxHash128.HashToUInt128(bytes.AsSpan(header))) != checksum)
            return Loaded.Fresh("its checksum does not match its contents (a write was cut short, or the file was changed)");

        try
        {
            return Read(bytes, reader, configuration, pipelines);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the bytes (the checksum matched: a file written by a bug of ours), the
            // build goes on without them.
            return Loaded.Fresh($"it cannot be read back ({e.Message})");
        }
    }

    /// The tables of types, files and folders, then each step's results, each a part of its
    /// own (<see cref="ValueWriter.Part"/>): identity, input, reads and diagnostics, then the
    /// outputs, read only when a build uses them.
    private static Loaded Read(byte[] bytes, BinaryReader input, Fingerprint configuration, IReadOnlyList<Pipeline> pipelines)
    {
        var head = new ValueReader(input, []);
        var types = new Type[Count(input)];
        for (var i = 0; i < types.Length; i++)
        {
            var name = input.ReadString();
            types[i] = System.Type.GetType(name, throwOnError: false) ?? throw new InvalidDataException($"no type '{name}'");
        }

        var changed = new List<string>();
        var fileCount = Count(input);
        var files = new (string Path, FileStamp? Stamp, Fingerprint? Hash)[fileCount];
        for (var i = 0; i < fileCount; i++)
            files[i] = (head.RequiredText(), ReadStamp(input), input.ReadBoolean() ? head.Fingerprint() : null);
        var stamps = new Dictionary<string, (FileStamp? Stamp, Fingerprint? Hash)>(fileCount, StringComparer.Ordinal);
        foreach (var (path, stamp, hash) in files)
            stamps[path] = (stamp, hash);
        var stillSame = new bool[fileCount];
        Parallel.For(0, fileCount, i => stillSame[i] = Same(files[i].Path, files[i].Stamp, files[i].Hash));
        for (var i = 0; i < fileCount; i++)
        {
            if (!stillSame[i])
                changed.Add(files[i].Path);
        }

        var folderCount = Count(input);
        for (var i = 0; i < folderCount; i++)
        {
            var folder = head.RequiredText();
            if (Listing(folder) != head.Fingerprint())
                changed.Add(folder);
        }

        var values = new ValueReader(input, types);
        var steps = new List<((string, Phase, int), DocumentMemory)>();
        var dependencies = new Dictionary<(string, Fingerprint), Dependency>();
        var stepCount = Count(input);
        for (var s = 0; s < stepCount; s++)
        {
            values.Part();
            var pipeline = values.RequiredText();
            var phase = (Phase)input.ReadByte();
            var module = input.ReadInt32();
            var moduleType = values.RequiredText();
            var known = pipelines.FirstOrDefault(p => p.Name == pipeline)?.ModulesOf(phase) is { } modules && module >= 0 && module < modules.Count
                && modules[module].GetType().FullName == moduleType;
            var memory = new DocumentMemory();
            var resultCount = Count(input);
            for (var r = 0; r < resultCount; r++)
            {
                var length = Count(input);
                var start = (int)input.BaseStream.Position;
                values.Part();
                var identity = values.RequiredText();
                var seen = Seen.Persisted(values.Fingerprint());
                var reads = new Dependency[Count(input)];
                for (var d = 0; d < reads.Length; d++)
                    reads[d] = ReadDependency(values, dependencies);
                var diagnostics = new Diagnostic[Count(input)];
                for (var d = 0; d < diagnostics.Length; d++)
                    diagnostics[d] = values.Value() as Diagnostic ?? throw new InvalidDataException("a diagnostic was expected");
                var outputsAt = (int)input.BaseStream.Position;
                var end = start + length;
                if (outputsAt > end || end > bytes.Length)
                    throw new InvalidDataException("a result longer than its length");
                input.BaseStream.Position = end;
                memory.Keep(identity, new DocumentResult(seen, [], diagnostics, reads)
                {
                    Kept = KeptOutputs.At(bytes.AsMemory(outputsAt, end - outputsAt), types),
                    Stored = bytes.AsMemory(start, length),
                });
            }

            if (known)
                steps.Add(((pipeline, phase, module), memory));
        }

        if (input.BaseStream.Position != input.BaseStream.Length)
            throw new InvalidDataException("more follows the last step");
        return new Loaded(BuildSession.Restored(configuration, steps, types, stamps), ChangeSet.Of(changed), null);
    }

    private static Dependency ReadDependency(ValueReader values, Dictionary<(string, Fingerprint), Dependency> known)
    {
        var kind = values.Input.ReadByte();
        Dependency made = kind switch
        {
            1 => new Dependency.File(values.RequiredText()),
            2 => new Dependency.Folder(values.RequiredText()),
            3 => new Dependency.Pipeline(values.RequiredText(), (Phase)values.Input.ReadByte(), values.Text(), Seen.Persisted(values.Fingerprint())),
            4 => new Dependency.Lookup(values.RequiredText(), Seen.Persisted(values.Fingerprint())),
            5 => new Dependency.Today(DateOnly.FromDayNumber(values.Input.ReadInt32())),
            _ => throw new InvalidDataException($"a read of kind {kind}"),
        };
        // Results that read one value share one dependency, so a build checks it once.
        var key = (made.Name, made switch
        {
            Dependency.Pipeline p => p.Seen.Fingerprint,
            Dependency.Lookup l => l.Seen.Fingerprint,
            Dependency.Today t => new Fingerprint((UInt128)t.Day.DayNumber),
            _ => default,
        });
        if (known.TryGetValue(key, out var same))
            return same;
        known[key] = made;
        return made;
    }

    /// Whether a file read last time is as it was: the same stamp, or else the same bytes.
    private static bool Same(string path, FileStamp? stamp, Fingerprint? hash)
    {
        var now = FileStamp.Of(path);
        if (stamp is null || now is null)
            return stamp is null && now is null && !File.Exists(path) && !Directory.Exists(path);
        if (now == stamp)
            return true;
        return now.Value.IsRegularFile && hash is { } was && HashOf(path) == was;
    }

    private static Fingerprint? HashOf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var hash = new XxHash128();
            hash.Append(stream);
            return new Fingerprint(hash.GetCurrentHashAsUInt128());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// What is under a folder: each entry's path, kind and size (its files' bytes are reads of their own).
    private static Fingerprint Listing(string folder)
    {
        if (!Directory.Exists(folder))
            return default;
        try
        {
            var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(e => (Path.GetRelativePath(folder, e.FullName), e.Attributes.HasFlag(FileAttributes.Directory), e is FileInfo f ? f.Length : 0, e.LinkTarget))
                .OrderBy(e => e.Item1, StringComparer.Ordinal)
                .ToList();
            return Fingerprints.Of(entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Fingerprint(1);
        }
    }

    private static int Count(BinaryReader input)
    {
        var count = input.ReadInt32();
        return count >= 0 && count <= input.BaseStream.Length ? count : throw new InvalidDataException($"a count of {count}");
    }

    private static FileStamp? ReadStamp(BinaryReader input) =>
        input.ReadBoolean()
            ? new FileStamp(input.ReadUInt64(), input.ReadUInt64(), input.ReadInt64(), input.ReadInt64(), input.ReadInt64(), input.ReadInt32())
            : null;

    private static void WriteStamp(BinaryWriter output, FileStamp? stamp)
    {
        output.Write(stamp is not null);
        if (stamp is not { } s)
            return;
        output.Write(s.Device);
        output.Write(s.Inode);
        output.Write(s.Size);
        output.Write(s.ModifiedNs);
        output.Write(s.ChangedNs);
        output.Write(s.Mode);
    }

    /// Writes the results of <paramref name="session"/>'s per-document steps; the problem when
    /// the file cannot be written. <paramref name="outputsOf"/> gives the documents a step of
    /// one pipeline read of another (for the selections, kept as reads of the whole pipeline).
    /// A file that changed since <paramref name="started"/> may not have the bytes the build
    /// read, so the results that read it are left out (made again by the next build).
    internal string? Save(BuildSession session, IReadOnlyList<Pipeline> pipelines, Func<string, string, Phase, IReadOnlyList<Document>> outputsOf, DateTimeOffset started)
    {
        // File times come from the kernel's coarse clock, up to a tick (10 ms) behind.
        var trusted = (started - TimeSpan.FromMilliseconds(100)).ToUnixTimeMilliseconds() * 1_000_000;
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var steps = session.DocumentSteps().Where(s => byName.ContainsKey(s.Step.Pipeline)).ToList();
        var distinct = steps.SelectMany(s => s.Memory.Readers.Keys).Distinct().ToList();
        var files = new ConcurrentDictionary<string, (FileStamp? Stamp, Fingerprint? Hash)>(StringComparer.Ordinal);
        // A file with the stamp it had when the results were read back has the bytes it had then.
        Parallel.ForEach(distinct.OfType<Dependency.File>().Select(f => f.Path).Distinct(), path =>
        {
            var stamp = FileStamp.Of(path);
            files[path] = session.StoredFiles.TryGetValue(path, out var was) && was.Stamp == stamp && stamp is not null
                ? was
                : (stamp, stamp is { IsRegularFile: true } ? HashOf(path) : null);
        });
        var folders = distinct.OfType<Dependency.Folder>().Select(f => f.Path).Distinct().ToDictionary(f => f, Listing, StringComparer.Ordinal);

        // The types of the results read back keep their numbers: those results are copied as
        // they are, from the bytes they were read from. The others are written here, each a part.
        var types = new TypeTable(session.StoredTypes);
        var part = new MemoryStream();
        var partOutput = new BinaryWriter(part, Encoding.UTF8, leaveOpen: true);
        var writer = new ValueWriter(partOutput, types);
        var fingerprints = new Dictionary<Dependency, Fingerprint>(ReferenceEqualityComparer.Instance);
        var wholePipelines = new Dictionary<(string, string, Phase), Fingerprint>();
        var body = new List<(ReadOnlyMemory<byte> Header, List<ReadOnlyMemory<byte>> Results)>(steps.Count);
        foreach (var ((pipeline, phase, module), memory) in steps)
        {
            part.SetLength(0);
            writer.Part();
            writer.Text(pipeline);
            partOutput.Write((byte)phase);
            partOutput.Write(module);
            writer.Text(byName[pipeline].ModulesOf(phase) is { } modules && module < modules.Count ? modules[module].GetType().FullName : "");
            partOutput.Flush();
            var results = new List<ReadOnlyMemory<byte>>(memory.ByIdentity.Count);
            body.Add((part.ToArray(), results));
            foreach (var (identity, result) in memory.ByIdentity)
            {
                if (!Keepable(result, files, trusted))
                    continue;
                if (result.Stored is { } stored)
                {
                    results.Add(stored);
                    continue;
                }

                var typesBefore = types.Count;
                part.SetLength(0);
                try
                {
                    writer.Part();
                    writer.Text(identity);
                    writer.Fingerprint(result.Input.Fingerprint);
                    partOutput.Write(result.Reads.Count);
                    foreach (var read in result.Reads)
                        WriteDependency(writer, read, pipeline, fingerprints, wholePipelines, outputsOf);
                    partOutput.Write(result.Diagnostics.Count);
                    foreach (var diagnostic in result.Diagnostics)
                        writer.Value(diagnostic);
                    writer.Part();
                    KeptOutputs.Write(writer, (Document)result.Input.Value!, result.Outputs);
                    partOutput.Flush();
                }
                catch (NotPersistable)
                {
                    types.Truncate(typesBefore);
                    continue;
                }

                results.Add(part.ToArray());
            }
        }

        // The tables come first: a load checks the files and folders before it reads any result.
        var head = new MemoryStream();
        using (var headOutput = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            headOutput.Write(types.Count);
            foreach (var type in types.Types)
                headOutput.Write(type.AssemblyQualifiedName!);
            var headWriter = new ValueWriter(headOutput, types);
            var readFiles = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            headOutput.Write(readFiles.Count);
            foreach (var (path, (stamp, hash)) in readFiles)
            {
                headWriter.Text(path);
                WriteStamp(headOutput, stamp);
                headOutput.Write(hash is not null);
                if (hash is { } h)
                    headWriter.Fingerprint(h);
            }

            var listed = folders.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            headOutput.Write(listed.Count);
            foreach (var (path, listing) in listed)
            {
                headWriter.Text(path);
                headWriter.Fingerprint(listing);
            }
        }

        return Write(session, head, body);
    }

    /// Writes the file under a temporary name, hashing what follows the header as it goes
    /// (the results are not copied into one buffer first: at 10,000 topics they are 740 MB),
    /// then puts the hash in the header and renames the file into place.
    private string? Write(BuildSession session, MemoryStream head, List<(ReadOnlyMemory<byte> Header, List<ReadOnlyMemory<byte>> Results)> body)
    {
        var file = FileFor(session.Configuration ?? default);
        var temporary = file + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            var hash = new XxHash128();
            var kept = 0;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                header.Write(Magic);
                var values = new ValueWriter(header, new TypeTable([]));
                values.Fingerprint(Version);
                values.Fingerprint(session.Configuration ?? default);
                values.Fingerprint(default); // the checksum, once known
                header.Flush();

                var number = new byte[4];
                void Put(ReadOnlySpan<byte> bytes)
                {
                    hash.Append(bytes);
                    stream.Write(bytes);
                }

                void PutCount(int count)
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(number, count);
                    Put(number);
                }

                Put(head.GetBuffer().AsSpan(0, (int)head.Length));
                PutCount(body.Count);
                foreach (var (stepHeader, results) in body)
                {
                    Put(stepHeader.Span);
                    PutCount(results.Count);
                    foreach (var result in results)
                    {
                        PutCount(result.Length);
                        Put(result.Span);
                    }

                    kept += results.Count;
                }

                stream.Position = Magic.Length + 32;
                values.Fingerprint(new Fingerprint(hash.GetCurrentHashAsUInt128()));
                header.Flush();
            }

            File.Move(temporary, file, overwrite: true);
            LastKept = kept;
            Prune(file);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Left behind: the next build's write replaces nothing but its own name.
            }

            return Reasons.Of(e);
        }
    }

    /// Results written by the last save.
    public int LastKept { get; private set; }

    /// Keeps the files of the few configurations used last (a build and a check, say).
    private void Prune(string current)
    {
        var others = new DirectoryInfo(Folder).EnumerateFiles("*.bin")
            .Where(f => f.FullName != current && f.Name.Length == 20)
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Skip(Kept);
        foreach (var old in others)
            old.Delete();
    }

    private static bool Keepable(DocumentResult result, ConcurrentDictionary<string, (FileStamp? Stamp, Fingerprint? Hash)> files, long trusted)
    {
        if (result.Stored is null && result.Input.Value is not Document)
            return false;
        foreach (var read in result.Reads)
        {
            if (read is Dependency.File file && files.TryGetValue(file.Path, out var now)
                && (now.Stamp is { } stamp && Math.Max(stamp.ModifiedNs, stamp.ChangedNs) >= trusted || now.Stamp is { IsRegularFile: true } && now.Hash is null))
                return false;
        }

        return true;
    }

    private static void WriteDependency(ValueWriter writer, Dependency read, string pipeline, Dictionary<Dependency, Fingerprint> fingerprints,
        Dictionary<(string, string, Phase), Fingerprint> wholePipelines, Func<string, string, Phase, IReadOnlyList<Document>> outputsOf)
    {
        var output = writer.Output;
        switch (read)
        {
            case Dependency.File file:
                output.Write((byte)1);
                writer.Text(file.Path);
                return;
            case Dependency.Folder folder:
                output.Write((byte)2);
                writer.Text(folder.Path);
                return;
            case Dependency.Pipeline p:
                output.Write((byte)3);
                writer.Text(p.Pipe);
                output.Write((byte)p.Phase);
                writer.Text(p.Keys);
                writer.Fingerprint(Known(fingerprints, read, () => p.Seen.Fingerprint));
                return;
            case Dependency.Selected s:
                // Kept as a read of the whole pipeline: the selecting function is not kept.
                output.Write((byte)3);
                writer.Text(s.Pipe);
                output.Write((byte)s.Phase);
                writer.Text(null);
                var key = (pipeline, s.Pipe, s.Phase);
                if (!wholePipelines.TryGetValue(key, out var whole))
                    wholePipelines[key] = whole = Fingerprints.Of(outputsOf(pipeline, s.Pipe, s.Phase));
                writer.Fingerprint(whole);
                return;
            case Dependency.Lookup l:
                output.Write((byte)4);
                writer.Text(l.Key);
                writer.Fingerprint(Known(fingerprints, read, () => l.Seen.Fingerprint));
                return;
            case Dependency.Today today:
                output.Write((byte)5);
                output.Write(today.Day.DayNumber);
                return;
            default:
                throw new NotPersistable(read.GetType());
        }
    }

    private static Fingerprint Known(Dictionary<Dependency, Fingerprint> fingerprints, Dependency read, Func<Fingerprint> make)
    {
        if (!fingerprints.TryGetValue(read, out var known))
            fingerprints[read] = known = make();
        return known;
    }

    /// A session read back (or a new one), the changes since, and why a file could not be used.
    internal sealed record Loaded(BuildSession Session, ChangeSet Changes, string? Problem)
    {
        public static Loaded Fresh(string? problem) => new(new BuildSession { OneShot = true }, ChangeSet.Everything, problem);
    }
}
