using System.Globalization;
using Parquet;
using Parquet.File.Values.Primitives;
using Parquet.Schema;
using PhysicalType = Parquet.Meta.Type;

namespace HeloData.Reports.Rows;

/// <summary>
/// One flat column of a parquet file, read one row group at a time with Parquet.Net's typed column reader
/// (explicit generic calls only: no <c>MakeGenericMethod</c>, so Native AOT keeps them), and put into rows
/// one value at a time: typed values go straight into typed fields, anything else through its csv text.
/// Dates, timestamps and integer-backed decimals are read as the integers they are stored as and
/// converted here (<see cref="ParquetValues"/>): Parquet.Net cannot decode DELTA_BINARY_PACKED into
/// <see cref="DateOnly"/>, and its decimals round what does not fit.
/// Its buffers are kept from one row group to the next: fresh ones for every group (100,000 rows make
/// large-object-heap arrays) cost more than the rows' own work.
/// </summary>
internal abstract partial class ParquetColumn
{
    private readonly int _known;
    private readonly int _slot;

    protected ParquetColumn(DataField field, DataField read, ParquetTarget target)
    {
        Field = field;
        Read = read;
        (_known, _slot, Kind) = (target.Known, target.Slot, target.Kind);
    }

    /// <summary>The file column's name.</summary>
    public string Name => Field.Name;

    /// <summary>The column as the file's schema describes it.</summary>
    protected DataField Field { get; }

    /// <summary>The column as it is read: <see cref="Field"/>, or the same path typed as the integers or bytes it is stored as.</summary>
    protected DataField Read { get; }

    protected CellKind Kind { get; }

    /// <summary>Per row of the current group, whether its value is null; <see langword="null"/> for a required column.</summary>
    protected bool[]? Nulls { get; set; }

    /// <summary>
    /// The reader of a file column, by its parquet type; its values come with each
    /// <see cref="ReadAsync(ParquetRowGroupReader, int, CancellationToken)"/>. <see langword="null"/> when
    /// the SDK has no reading of its type (then a documented column is refused and an unknown one left out).
    /// </summary>
    public static ParquetColumn? Create(DataField field, ParquetTarget target)
    {
        var type = field.ClrType;
        var physical = field.SchemaElement?.Type;
        if (IsString(type))
        {
            return new StringColumn(field, target);
        }

        if (field is TimeDataField time)
        {
            // TIME(MILLIS) is stored as INT32, TIME(MICROS/NANOS) as INT64; either is spelled HH:mm:ss.fff….
            return type == typeof(int)
                ? Text<int>(field, field, target, value => ParquetValues.Time(value, time.Precision))
                : Text<long>(field, field, target, value => ParquetValues.Time(value, time.Precision));
        }

        if (type == typeof(decimal))
        {
            return Decimal(field, target, physical);
        }

        if (type == typeof(DateOnly))
        {
            return physical == PhysicalType.INT32 ? DateColumn(field, target) : null;
        }

        if (type == typeof(DateTime))
        {
            return Timestamp(field, target, physical);
        }

        if (IsBytes(type))
        {
            return new BytesColumn(field, field, target, field.SchemaElement?.LogicalType?.JSON is not null ? BytesColumn.Form.Utf8 : BytesColumn.Form.Binary);
        }

        if (type == typeof(long))
        {
            return new Column<long>(field, field, target, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number);
        }

        if (type == typeof(int))
        {
            return target.Kind == CellKind.Int64
                ? new Column<int>(field, field, target, static (row, known, value) => row.SetInt64(known, value), CellKind.Int64, CellText.Number)
                : new Column<int>(field, field, target, static (row, known, value) => row.SetInt32(known, value), CellKind.Int32, CellText.Number);
        }

        // The rest carry no documented column's native type: they become text (and are parsed from it if a documented column holds them).
        return type switch
        {
            _ when type == typeof(bool) => Text<bool>(field, field, target, static value => value ? "true" : "false"),
            _ when type == typeof(sbyte) => Text<sbyte>(field, field, target, CellText.Number),
            _ when type == typeof(byte) => Text<byte>(field, field, target, CellText.Number),
            _ when type == typeof(short) => Text<short>(field, field, target, CellText.Number),
            _ when type == typeof(ushort) => Text<ushort>(field, field, target, CellText.Number),
            _ when type == typeof(uint) => Text<uint>(field, field, target, CellText.Number),
            _ when type == typeof(ulong) => Text<ulong>(field, field, target, CellText.Number),
            _ when type == typeof(Half) => Text<Half>(field, field, target, static value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => Text<float>(field, field, target, static value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => Text<double>(field, field, target, static value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(Guid) => Text<Guid>(field, field, target, static value => value.ToString("D")),
            _ when type == typeof(Interval) => Text<Interval>(field, field, target, ParquetValues.Interval),
            _ => null,
        };
    }

    /// <summary>How many values (nulls included) the row group's footer says this column holds; <see langword="null"/> when the group lacks the column.</summary>
    public long? StoredValues(ParquetRowGroupReader group) => group.GetMetadata(Read)?.MetaData?.NumValues;

    /// <summary>Reads this column's <paramref name="rows"/> values of a row group, in place of the previous group's.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken);

    /// <summary>A column's type for a message: its .NET type as Parquet.Net reads it.</summary>
    public static string Describe(DataField field) =>
        IsString(field.ClrType) ? "string" : IsBytes(field.ClrType) ? "byte array" : field.ClrType.Name;

    /// <summary>Whether a column of this parquet type can feed a documented column of <paramref name="kind"/>; checked once, at the schema.</summary>
    public static bool CanFeed(DataField field, CellKind kind)
    {
        var type = field.ClrType;
        if (IsString(type) || IsBytes(type) || field is TimeDataField)
        {
            // Text, parsed as the column's kind.
            return true;
        }

        return kind switch
        {
            CellKind.Text => true,
            CellKind.Int32 or CellKind.Int64 => IsInteger(type),
            CellKind.Decimal => type == typeof(decimal) || IsInteger(type),
            CellKind.Date => type == typeof(DateOnly) || type == typeof(DateTime),
            CellKind.Timestamp => type == typeof(DateTime),
            _ => false,
        };
    }

    /// <summary>
    /// Puts value <paramref name="index"/> into <paramref name="row"/>: its documented column, or its
    /// unknown-column slot; a null leaves it unset. A value a documented column cannot hold exactly is a
    /// <see cref="ReportRowFormatException"/>; an unknown column's is kept as it is stored, never an error.
    /// </summary>
    public void Apply(ReportRow row, int index, CellWriter cells)
    {
        if (Nulls is not null && Nulls[index])
        {
            return;
        }

        try
        {
            if (_known < 0)
            {
                row.Extra![_slot] = Text(index, cells);
                return;
            }

            SetKnown(row, _known, index, cells);
        }
        catch (ParquetValueException exception) when (_known < 0)
        {
            row.Extra![_slot] = exception.Value;
            return;
        }
        catch (ParquetValueException exception)
        {
            throw new ReportRowFormatException(
                $"Row {row.RowNumber}, column '{ValueText.Escape(Name)}': {ValueText.Escape(exception.Message)}.", row.RowNumber, Name, exception.Value, exception);
        }

        row.Present |= 1UL << _known;
    }

    protected abstract string Text(int index, CellWriter cells);

    protected abstract void SetKnown(ReportRow row, int known, int index, CellWriter cells);

    private static Column<T> Text<T>(DataField field, DataField read, ParquetTarget target, Func<T, string> format)
        where T : struct => new(field, read, target, null, CellKind.Text, format);

    /// <summary>The same column typed as <paramref name="stored"/>, attached to a schema of its own (as a read needs): the file's values are found by its path.</summary>
    private static DataField Stored(DataField field, Type stored)
    {
        var read = new DataField(field.Name, stored, field.IsNullable);
        _ = new ParquetSchema(read);
        return read;
    }

    private static ParquetColumn DateColumn(DataField field, ParquetTarget target) =>
        new Column<int>(field, Stored(field, typeof(int)), target, static (row, known, days) => row.SetDate(known, ParquetValues.Date(days)), CellKind.Date, static days => CellText.Date(ParquetValues.Date(days)));

    private static ParquetColumn? Timestamp(DataField field, ParquetTarget target, PhysicalType? physical)
    {
        if (physical == PhysicalType.INT96)
        {
            // Impala's nanoseconds-and-Julian-day: Parquet.Net decodes it (no delta encoding applies to INT96).
            // Parquet.Net marks TIMESTAMP(isAdjustedToUTC=false) Local; the artifacts are UTC by contract, so the instant is taken as UTC.
            return target.Kind == CellKind.Date
                ? new Column<DateTime>(field, field, target, static (row, known, value) => row.SetDate(known, ParquetValues.DateOf(Utc(value))), CellKind.Date, static value => CellText.Timestamp(Utc(value)))
                : new Column<DateTime>(field, field, target, static (row, known, value) => row.SetTimestamp(known, Utc(value)), CellKind.Timestamp, static value => CellText.Timestamp(Utc(value)));
        }

        if (physical != PhysicalType.INT64)
        {
            return null;
        }

        var unit = field is DateTimeDataField timestamp ? timestamp.Unit : DateTimeTimeUnit.Millis;
        var read = Stored(field, typeof(long));
        return target.Kind == CellKind.Date
            ? new Column<long>(field, read, target, (row, known, value) => row.SetDate(known, ParquetValues.DateOf(ParquetValues.Timestamp(value, unit))), CellKind.Date, value => CellText.Timestamp(ParquetValues.Timestamp(value, unit)))
            : new Column<long>(field, read, target, (row, known, value) => row.SetTimestamp(known, ParquetValues.Timestamp(value, unit)), CellKind.Timestamp, value => CellText.Timestamp(ParquetValues.Timestamp(value, unit)));
    }

    private static ParquetColumn? Decimal(DataField field, ParquetTarget target, PhysicalType? physical)
    {
        var scale = field.SchemaElement?.Scale ?? (field as DecimalDataField)?.Scale ?? 0;
        return physical switch
        {
            PhysicalType.INT32 => new Column<int>(field, Stored(field, typeof(int)), target, (row, known, value) => row.SetDecimal(known, ParquetValues.Decimal(value, scale)), CellKind.Decimal, value => ParquetValues.DecimalText(value, scale)),
            PhysicalType.INT64 => new Column<long>(field, Stored(field, typeof(long)), target, (row, known, value) => row.SetDecimal(known, ParquetValues.Decimal(value, scale)), CellKind.Decimal, value => ParquetValues.DecimalText(value, scale)),
            PhysicalType.BYTE_ARRAY or PhysicalType.FIXED_LEN_BYTE_ARRAY => new BytesColumn(field, Stored(field, typeof(byte[])), target, BytesColumn.Form.Decimal, scale),
            _ => null,
        };
    }

    /// <summary>A buffer of at least <paramref name="length"/> items: the one given when it is long enough.</summary>
    private static T[] Ensure<T>(T[]? buffer, int length) => buffer is not null && buffer.Length >= length ? buffer : new T[length];

    // Parquet.Net 6 types a UTF-8 column from a file as ReadOnlyMemory<char>, one it writes as string.
    private static bool IsString(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    // And a byte array as ReadOnlyMemory<byte>.
    private static bool IsBytes(Type type) => type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>);

    private static bool IsInteger(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(sbyte) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>
    /// Values of one struct type, as stored. <c>set</c> writes the native kind <c>native</c> straight into
    /// the row; any other documented kind goes through the value's csv text (<c>format</c>) and is parsed
    /// as that kind.
    /// </summary>
    private sealed class Column<T>(DataField field, DataField read, ParquetTarget target, Action<ReportRow, int, T>? set, CellKind native, Func<T, string> format)
        : ParquetColumn(field, read, target)
        where T : struct
    {
        private T[] _values = [];
        private T?[]? _nullable;

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            _values = Ensure(_values, rows);
            if (!Read.IsNullable)
            {
                await group.ReadAsync<T>(Read, _values.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
                return;
            }

            _nullable = Ensure(_nullable, rows);
            await group.ReadAsync<T>(Read, _nullable.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            var nulls = Nulls = Ensure(Nulls, rows);
            for (var i = 0; i < rows; i++)
            {
                _values[i] = _nullable[i].GetValueOrDefault();
                nulls[i] = !_nullable[i].HasValue;
            }
        }

        protected override string Text(int index, CellWriter cells) => format(_values[index]);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells)
        {
            if (set is not null && Kind == native)
            {
                set(row, known, _values[index]);
            }
            else
            {
                cells.Write(row, known, format(_values[index]));
            }
        }
    }

    /// <summary>
    /// A column read raw, as the spans Parquet.Net decodes into (characters for strings, bytes for the rest),
    /// so only the values a row keeps are turned into objects.
    /// </summary>
    private abstract class RawColumn<T>(DataField field, DataField read, ParquetTarget target) : ParquetColumn(field, read, target)
    {
        private ReadOnlyMemory<T>[]? _packed;
        private int[]? _levels;

        protected ReadOnlyMemory<T>[] Values { get; private set; } = [];

        public override async ValueTask ReadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            Values = Ensure(Values, rows);
            if (!Read.IsNullable)
            {
                await group.ReadRawAsync(Read, Values.AsMemory(0, rows), null, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Nullable: the reader packs the present values; the definition levels say which rows have one.
            _packed = Ensure(_packed, rows);
            _levels = Ensure(_levels, rows);
            await group.ReadRawAsync(Read, _packed.AsMemory(0, rows), _levels.AsMemory(0, rows), null, cancellationToken).ConfigureAwait(false);
            Nulls = Unpack(_packed, _levels, Values, rows, Read.MaxDefinitionLevel, Nulls);
        }
    }

    /// <summary>UTF-8 strings, read raw as characters so only the strings a row keeps are made (through the read's cache).</summary>
    private sealed class StringColumn(DataField field, ParquetTarget target) : RawColumn<char>(field, field, target)
    {
        protected override string Text(int index, CellWriter cells) => cells.Strings.Get(Values[index].Span);

        protected override void SetKnown(ReportRow row, int known, int index, CellWriter cells) => cells.Write(row, known, Values[index].Span);
    }

    /// <summary>Spreads the present values a nullable read packs over the rows (by definition level); returns which rows are null.</summary>
    private static bool[] Unpack<T>(T[] packed, int[] levels, T[] values, int rows, int maxLevel, bool[]? nulls)
    {
        nulls = Ensure(nulls, rows);
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            nulls[i] = levels[i] < maxLevel;
            values[i] = nulls[i] ? default! : packed[next++];
        }

        return nulls;
    }
}

/// <summary>Where a parquet column's values go: a documented column (<see cref="Known"/> ≥ 0, of <see cref="Kind"/>) or an unknown-column slot.</summary>
internal readonly record struct ParquetTarget(int Known, CellKind Kind, int Slot);
