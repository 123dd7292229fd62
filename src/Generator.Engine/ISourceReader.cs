namespace Generator.Engine;

/// A module that reads sources from disk itself (a folder reader). A session never reuses
/// its result as a whole: it runs every build, and is given the changed paths
/// (<see cref="BuildContext.Changes"/>) and a memory of its own
/// (<see cref="BuildContext.Memory{T}"/>) to read again only the files that changed.
public interface ISourceReader : IModule;
