using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Signs what a payment page hands out and reads back (its form token and its anti-forgery token) with
/// HMAC-SHA256 under one 256-bit key. The key is made on first start, kept in <c>signing_keys</c>
/// encrypted with Data Protection, and loaded before the server takes requests, so every instance on
/// the database signs and checks alike. A signature is a few microseconds; Data Protection's
/// per-payload key derivation and encryption cost tens per token, three times per page view.
/// </summary>
public sealed class PageSigner(IServiceProvider services, TimeProvider time)
{
    private const string Purpose = "checkout.page";
    private byte[]? _key;

    /// <summary>Loads the key, or makes and stores it if this database has none yet (an instance that loses the race reads the winner's).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Paylink.SigningKeys");
        var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Purpose == Purpose, cancellationToken);
        if (stored is null)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            db.SigningKeys.Add(new SigningKeyRecord { Purpose = Purpose, ProtectedKey = Convert.ToBase64String(protector.Protect(key)), CreatedAt = time.UtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _key = key;
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                stored = await db.SigningKeys.AsNoTracking().FirstAsync(k => k.Purpose == Purpose, cancellationToken);
            }
        }

        _key = protector.Unprotect(Convert.FromBase64String(stored.ProtectedKey));
    }

    /// <summary>The URL-safe signature of <paramref name="text"/> for one use (<paramref name="use"/> keeps a signature of one kind from passing as another).</summary>
    public string Sign(string use, string text)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac(use, text, mac);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>True when <paramref name="signature"/> is this server's signature of <paramref name="text"/> for <paramref name="use"/> (compared in constant time).</summary>
    public bool Verify(string use, string text, ReadOnlySpan<char> signature)
    {
        Span<byte> given = stackalloc byte[32];
        if (!Base64Url.TryDecodeFromChars(signature, given, out var length) || length != 32)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        Mac(use, text, mac);
        return CryptographicOperations.FixedTimeEquals(mac, given);
    }

    private void Mac(string use, string text, Span<byte> mac)
    {
        var key = _key ?? throw new InvalidOperationException("The page signing key is loaded at start; the server is not started yet.");
        var length = Encoding.UTF8.GetByteCount(use) + 1 + Encoding.UTF8.GetByteCount(text);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(use, buffer);
        buffer[written++] = (byte)'\n';
        Encoding.UTF8.GetBytes(text, buffer[written..]);
        HMACSHA256.HashData(key, buffer, mac);
    }
}
