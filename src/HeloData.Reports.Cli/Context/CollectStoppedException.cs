namespace HeloData.Reports.Cli;

/// <summary>
/// <c>collect</c> stopped because its state store or a sink cannot work (a database out of reach, a folder it may not
/// write): exit code 1, with the store's or sink's own message, which names what and where (never a password).
/// </summary>
/// <param name="innerException">What the store or sink threw.</param>
internal sealed class CollectStoppedException(Exception innerException) : Exception(innerException.Message, innerException);
