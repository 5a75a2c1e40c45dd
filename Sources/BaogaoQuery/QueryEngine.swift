import BaogaoIndex

/// Placeholder until the search work lands.
public enum QueryEngine {}
