using System.Globalization;
using HeloData.Reports.AspNetCore;

namespace HeloData.Reports.WebhookReceiver;

/// <summary>
/// The receiver's limits, from configuration: environment variables (the names below), the command line
/// (<c>--HELODATA_WEBHOOK_MAX_BYTES=…</c>) or appsettings.json. Unset means the library's default.
/// </summary>
internal sealed class ReceiverSettings
{
    public const string MaxBytesKey = "HELODATA_WEBHOOK_MAX_BYTES";
    public const string MaxConcurrentKey = "HELODATA_WEBHOOK_MAX_CONCURRENT";
    public const string TempDirKey = "HELODATA_WEBHOOK_TEMP_DIR";
    public const string InstanceKey = "HELODATA_WEBHOOK_INSTANCE";

    private long? _maxBytes;
    private int? _maxConcurrent;
    private string? _tempDir;
    private string? _instance;

    /// <summary>Reads the settings; a value that is set but not usable is a one-line error naming its key.</summary>
    public static ReceiverSettings Read(IConfiguration configuration, out string? error)
    {
        var settings = new ReceiverSettings
        {
            _tempDir = configuration[TempDirKey] is { Length: > 0 } dir ? Path.GetFullPath(dir) : null,
            _instance = configuration[InstanceKey] is { Length: > 0 } instance ? instance : null,
        };
        var bytesError = Positive(configuration, MaxBytesKey, out settings._maxBytes);
        var concurrentError = Positive(configuration, MaxConcurrentKey, out var concurrent);
        settings._maxConcurrent = concurrent is { } c ? (int)c : null;
        error = bytesError ?? concurrentError;
        return settings;
    }

    public void ApplyTo(ReportWebhookOptions options)
    {
        options.MaxDeliveryBytes = _maxBytes ?? options.MaxDeliveryBytes;
        options.MaxConcurrentDeliveries = _maxConcurrent ?? options.MaxConcurrentDeliveries;
        options.TemporaryDirectory = _tempDir ?? options.TemporaryDirectory;
        options.InstanceName = _instance ?? options.InstanceName;
    }

    private static string? Positive(IConfiguration configuration, string key, out long? value)
    {
        value = null;
        if (configuration[key] is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || (key == MaxConcurrentKey && number > int.MaxValue))
        {
            return $"{key} must be a positive whole number; it is \"{text}\".";
        }

        value = number;
        return null;
    }
}
