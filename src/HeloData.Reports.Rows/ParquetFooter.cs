using System.Buffers.Binary;

namespace HeloData.Reports.Rows;

/// <summary>
/// Checks a parquet file's trailer and footer before Parquet.Net reads them. Parquet.Net trusts both:
/// a damaged footer length makes it allocate whatever the four bytes say, and its thrift reader, run past
/// the end of a damaged footer, reads a varint of endless <c>0xFF</c> bytes and never returns. So the
/// footer is read here first exactly as Parquet.Net will read it (<see cref="FooterReader"/>), every
/// length and count bounded by the bytes that remain; what does not parse is a <see cref="ReportRowFormatException"/>.
/// </summary>
internal static partial class ParquetFooter
{
    private const int TrailerLength = 8; // footer length (int32, little-endian) + "PAR1"
    private const int MaxDepth = 32;     // parquet's metadata nests a few levels; a deeper footer is damage
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Checks the magic numbers, the footer's length and the footer's thrift encoding; leaves the stream at its start.</summary>
    public static async Task CheckAsync(Stream file, CancellationToken cancellationToken)
    {
        var length = file.Length;
        if (length < Magic.Length + TrailerLength)
        {
            throw Damaged($"it is {length} bytes long, shorter than a parquet file's magic numbers and footer length");
        }

        var head = new byte[Magic.Length];
        var trailer = new byte[TrailerLength];
        file.Position = 0;
        await file.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        file.Position = length - TrailerLength;
        await file.ReadExactlyAsync(trailer, cancellationToken).ConfigureAwait(false);
        if (!head.AsSpan().SequenceEqual(Magic) || !trailer.AsSpan(4).SequenceEqual(Magic))
        {
            throw Damaged("it does not start and end with the magic number PAR1 (cut short, or another format)");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        if (footerLength <= 0 || footerLength > length - Magic.Length - TrailerLength)
        {
            throw Damaged($"its footer length says {footerLength} bytes, and the file holds {length - Magic.Length - TrailerLength} before it");
        }

        var footer = new byte[footerLength];
        file.Position = length - TrailerLength - footerLength;
        await file.ReadExactlyAsync(footer, cancellationToken).ConfigureAwait(false);
        file.Position = 0;

        var reader = new FooterReader(footer);
        reader.Struct("FileMetaData", 0);
    }

    private static ReportRowFormatException Damaged(string why) =>
        new($"The artifact is not a readable parquet file: {why}.", 0);

    /// <summary>
    /// Follows the reads Parquet.Net's thrift code makes of a footer (<see cref="Fields"/>), byte for
    /// byte: a known field is read as Parquet.Net reads it whatever type its header claims, an unknown one
    /// skipped as Parquet.Net skips it (a struct by its field headers only). Where Parquet.Net would run
    /// past the end, ask for more than remains, or meet a type it cannot skip, this fails instead.
    /// </summary>
    private ref struct FooterReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public void Struct(string name, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail($"metadata nested more than {MaxDepth} levels deep");
            }

            short last = 0;
            while (true)
            {
                var header = Byte();
                if (header == 0)
                {
                    return;
                }

                var delta = header >> 4;
                var type = header & 0x0F;
                var id = delta == 0 ? (short)ZigZag(Varint()) : (short)(last + delta);
                last = id;
                if (Fields.TryGetValue($"{name}.{id}", out var kind))
                {
                    Read(kind, depth);
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private void Read(string kind, int depth)
        {
            switch (kind)
            {
                case "bool":
                    break;
                case "v":
                    _ = Varint();
                    break;
                case "b":
                    Take(1);
                    break;
                case "d":
                    Take(8);
                    break;
                case "n":
                    Take(Count());
                    break;
                case ['s', ':', .. var name]:
                    Struct(name, depth + 1);
                    break;
                case ['l', ':', .. var element]:
                    var size = ListSize();
                    for (var i = 0; i < size; i++)
                    {
                        Read(element, depth + 1);
                    }

                    break;
                default:
                    throw Fail($"an unknown field kind '{kind}'");
            }
        }

        // Parquet.Net's SkipField, including its skipping of a struct by its field headers alone.
        private void Skip(int type)
        {
            switch (type)
            {
                case 1 or 2:
                    break;
                case 3:
                    Take(1);
                    break;
                case 4 or 5 or 6:
                    _ = Varint();
                    break;
                case 7:
                    Take(8);
                    break;
                case 8:
                    Take(Count());
                    break;
                case 12:
                    short last = 0;
                    for (var header = Byte(); header != 0; header = Byte())
                    {
                        last = header >> 4 == 0 ? (short)ZigZag(Varint()) : (short)(last + (header >> 4));
                    }

                    break;
                case 9:
                    var elementType = _at < _bytes.Length ? _bytes[_at] & 0x0F : 0;
                    var size = ListSize();
                    for (var i = 0; i < size; i++)
                    {
                        Skip(elementType);
                    }

                    break;
                default:
                    throw Fail($"a field of thrift type {type}, which cannot be skipped");
            }
        }

        private byte Byte() => _at < _bytes.Length ? _bytes[_at++] : throw Fail("it runs past its end");

        // Parquet.Net's ReadVarInt32/64: bytes until one without the continuation bit, however many.
        private uint Varint()
        {
            uint value = 0;
            var shift = 0;
            while (true)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }

                shift += 7;
            }
        }

        private static int ZigZag(uint n) => (int)(n >> 1) ^ -(int)(n & 1);

        /// <summary>A list's size: in the header's high four bits, or a varint after it. Every element takes at least a byte, so it is at most what remains.</summary>
        private int ListSize()
        {
            var header = Byte();
            var size = header >> 4 == 15 ? (int)Varint() : header >> 4;
            Bound(size);
            return size;
        }

        private int Count()
        {
            var count = (int)Varint();
            Bound(count);
            return count;
        }

        private readonly void Bound(int count)
        {
            if (count < 0 || count > _bytes.Length - _at)
            {
                throw Fail($"a length or count of {count}, more than the {_bytes.Length - _at} bytes left");
            }
        }

        private void Take(int count)
        {
            Bound(count);
            _at += count;
        }

        private readonly ReportRowFormatException Fail(string what) =>
            Damaged($"its footer is damaged ({what}, at byte {_at} of {_bytes.Length})");
    }
}
