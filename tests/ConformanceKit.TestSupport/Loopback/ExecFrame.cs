namespace ConformanceKit.TestSupport.Loopback;

/// <summary>One recorded WebSocket frame: opcode (2 binary, 8 close), FIN bit and payload bytes (channel byte first).</summary>
public sealed record ExecFrame(int Opcode, bool Fin, byte[] Payload);
