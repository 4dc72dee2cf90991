using System.CommandLine.Parsing;
using Npgsql;

namespace HeloData.Reports.Cli.Collect;

/// <summary>
/// A PostgreSQL connection string as a command line names it: written in the argument (then with no password:
/// the password comes from <c>PGPASSWORD</c> or <c>~/.pgpass</c>, which Npgsql reads itself), or only where
/// to read the whole string from: <c>env:VAR</c> or <c>file:PATH</c> (<c>file:-</c>, standard input). An
/// argument shows in process listings and shell history, so a password in one is refused; and no message here
/// ever repeats the text of a connection string, since it may hold one.
/// </summary>
internal sealed class ConnectionSource
{
    public const string EnvironmentPrefix = "env:";
    public const string FilePrefix = "file:";

    /// <summary>How to give one, for help texts and refusals.</summary>
    public const string Forms = "Npgsql's Host=…;Database=…;Username=… with no password (it comes from PGPASSWORD or ~/.pgpass), or env:VAR or file:PATH holding the whole string";

    private readonly string _option;
    private readonly string? _literal;
    private readonly string? _variable;
    private readonly string? _file;

    private ConnectionSource(string option, string? literal, string? variable, string? file)
    {
        _option = option;
        _literal = literal;
        _variable = variable;
        _file = file;
    }

    /// <summary>Reads an argument, adding a parse error naming <paramref name="option"/> when it is refused.</summary>
    public static ConnectionSource? Parse(ArgumentResult result, string option, string text)
    {
        if (text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            var variable = text[EnvironmentPrefix.Length..];
            return variable.Length > 0 ? new(option, null, variable, null) : Refuse(result, $"{option}: env: needs a variable's name, such as env:COLLECTOR_DATABASE.");
        }

        if (text.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            var path = text[FilePrefix.Length..];
            return path.Length > 0 ? new(option, null, null, path) : Refuse(result, $"{option}: file: needs a path ('-': standard input).");
        }

        if (Check(text, option) is { } problem)
        {
            return Refuse(result, problem);
        }

        return HasPassword(text)
            ? Refuse(result, $"{option}: a connection string given as an argument must not hold a password (process listings and shell history show arguments). Leave it out and set PGPASSWORD or use ~/.pgpass, or give the whole string as env:VAR or file:PATH.")
            : new(option, text, null, null);
    }

    /// <summary>The connection string itself, read from where the argument said.</summary>
    /// <exception cref="UsageException">The variable is unset, the file cannot be read, or what they hold is no connection string.</exception>
    public string Resolve(CliContext context)
    {
        if (_literal is not null)
        {
            return _literal;
        }

        string text;
        string where;
        if (_variable is not null)
        {
            where = $"{EnvironmentPrefix}{_variable}";
            text = context.Environment(_variable)?.Trim() is { Length: > 0 } value
                ? value
                : throw new UsageException($"{_option} {where}: the variable {_variable} is not set, or empty.");
        }
        else
        {
            where = $"{FilePrefix}{_file}";
            text = Credentials.ReadSecretFile(context, _file!, _option);
        }

        return Check(text, $"{_option} {where}") is { } problem ? throw new UsageException(problem) : text;
    }

    /// <summary>Where a connection string leads, fit to print: host, port and database, never a password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    // Npgsql's own parser, so every synonym it takes (Password, PWD, PSW) counts.
    private static bool HasPassword(string text) => !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(text).Password);

    /// <summary>Why <paramref name="text"/> is no Npgsql connection string, in words that never repeat it.</summary>
    private static string? Check(string text, string source)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return $"{source}: a postgres:// URI is not taken; write Npgsql's key=value form instead, {Forms}.";
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(text).Host is { Length: > 0 }
                ? null
                : $"{source}: the connection string names no Host; write {Forms}.";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message is not shown: it can quote a keyword or a value, and with a ';' in a password
            // either may be a piece of the password.
            return $"{source}: not a connection string Npgsql reads (an unknown keyword, a value of the wrong kind, or no key=value form); write {Forms}.";
        }
    }

    private static ConnectionSource? Refuse(ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
