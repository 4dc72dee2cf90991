using System.Globalization;
using System.Text;

namespace HeloData.Reports;

/// <summary>The words of a refusal of a user-named path: the path as shown, why it was refused, and the messages more than one check gives.</summary>
internal static class PathMessages
{
    /// <summary>The value in double quotes, control characters escaped, so a message stays on one line and shows exactly what was named.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Why a file or folder was refused, without the path .NET puts in the message (a probe's own name, which the user never chose).</summary>
    public static string Reason(Exception exception)
    {
        if (exception is UnauthorizedAccessException)
        {
            return "permission denied";
        }

        // .NET words an errno on Unix as "{strerror} : '{path}'".
        var message = exception.Message;
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        return path > 0 ? message[..path] : message;
    }

    /// <summary>The path names a directory: the message suggests a file in it.</summary>
    public static ArgumentException NamesADirectory(string path, string? paramName) =>
        new($"The path {Quote(path)} names a directory; give the file to write, such as {Quote(Path.Combine(path, "report.csv"))}.", paramName);

    /// <summary>The folder of the file <paramref name="writePath"/> (where the path <paramref name="full"/> leads) does not exist.</summary>
    public static ArgumentException FolderMissing(string path, string full, string writePath, string? paramName)
    {
        var leadsTo = writePath == full ? string.Empty : $" (where its link leads: {Quote(writePath)})";
        return new($"The folder {Quote(Path.GetDirectoryName(writePath) ?? writePath)} of the path {Quote(path)}{leadsTo} does not exist; create it first.", paramName);
    }
}
