%% External term format vectors from OTP for tests/unit/test_etf.c.
%%
%% main(Dir) writes Dir/etf_corpus.bin, a sequence of records:
%%   <<1, NameLen:16, Name, Mask:8, Enc1, ..., Enc5>>
%%       a term and OTP's term_to_binary of it under five option lists, in
%%       this order: [], [compressed], [{minor_version,0}],
%%       [{minor_version,2}], [deterministic]; each Enc is <<Len:32, Bytes>>.
%%       Mask bit I set: encoding I+1 is checked (all five unless the term's
%%       byte order depends on OTP's atom table or on pointers).
%%   <<2, NameLen:16, Name, Flags:8, InLen:32, In, Outcome>>
%%       a hand-built input and what binary_to_term(In, [used | Opts])
%%       makes of it (Flags bit 0: the safe option). Outcome is <<0>> for
%%       badarg or <<1, Used:32, Len:32, Reencoded>> with Reencoded =
%%       term_to_binary(Term).
%% Nothing here is random: the file is the same on every run (the mutants
%% come from a seeded generator), except for the pids, ports and
%% references, which each run makes anew.
-module(etf_corpus).
-export([main/1]).

-define(ALL, 2#11111).
-define(DETERMINISTIC_ONLY, 2#10000).

main(Dir) ->
    File = filename:join(Dir, "etf_corpus.bin"),
    Records = [roundtrip(Name, T, ?ALL) || {Name, T} <- terms()] ++
              [roundtrip(Name, T, ?DETERMINISTIC_ONLY) || {Name, T} <- deterministic_only()] ++
              [decode_case(Name, Flags, In) || {Name, Flags, In} <- decode_cases() ++ mutants()],
    ok = file:write_file(File, Records).

%% ---- records ----

options() ->
    [[], [compressed], [{minor_version, 0}], [{minor_version, 2}], [deterministic]].

roundtrip(Name, T, Mask) ->
    Encs = [term_to_binary(T, Opts) || Opts <- options()],
    [1, name(Name), Mask, [[<<(byte_size(E)):32>>, E] || E <- Encs]].

decode_case(Name, Flags, In) ->
    Opts = [used | [safe || Flags band 1 =/= 0]],
    Outcome = try binary_to_term(In, Opts) of
                  {T, Used} ->
                      Re = term_to_binary(T),
                      [1, <<Used:32, (byte_size(Re)):32>>, Re]
              catch
                  error:badarg -> [0]
              end,
    [2, name(Name), Flags, <<(byte_size(In)):32>>, In, Outcome].

name(Name) ->
    B = unicode:characters_to_binary(Name),
    [<<(byte_size(B)):16>>, B].

%% ---- terms that must round-trip byte for byte ----

terms() ->
    integers() ++ floats() ++ atoms() ++ lists() ++ tuples() ++ binaries() ++
        maps() ++ identifiers() ++ funs() ++ mixed().

integers() ->
    Edges = [0, 1, 127, 128, 255, 256, 65535, 65536, (1 bsl 27) - 1, 1 bsl 27,
             (1 bsl 31) - 1, 1 bsl 31, (1 bsl 32) - 1, 1 bsl 32, (1 bsl 59) - 1,
             1 bsl 59, (1 bsl 60) - 1, 1 bsl 60, (1 bsl 63) - 1, 1 bsl 63,
             (1 bsl 64) - 1, 1 bsl 64, (1 bsl 2040) - 1, 1 bsl 2040,
             (1 bsl 2047) + 12345],
    Ints = Edges ++ [-I || I <- Edges, I =/= 0] ++ [-(1 bsl 31) - 1],
    Big = [big(Bits) || Bits <- [100, 1000, 10000, 100000]],
    [{io_lib:format("integer ~s", [short(I)]), I} || I <- Ints ++ Big ++ [-B || B <- Big]].

%% A fixed integer of exactly Bits bits with all kinds of digits.
big(Bits) ->
    Digits = (Bits + 6) div 7,
    N = lists:foldl(fun(I, Acc) -> Acc * 128 + (I * 37 + 11) rem 128 end, 1, lists:seq(1, Digits)),
    N bsr (bit_size(binary:encode_unsigned(N)) - Bits).

short(I) when abs(I) < 1 bsl 70 -> integer_to_list(I);
short(I) -> io_lib:format("~s~Bbits", [if I < 0 -> "-"; true -> "" end,
                                        bit_size(binary:encode_unsigned(abs(I)))]).

floats() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, -1.5, 3.141592653589793, 1.0e300, -1.0e-300,
          5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789.0,
          1.0e15, 1.0e16, 9007199254740993.0, 6.02214076e23],
    [{io_lib:format("float ~w", [F]), F} || F <- Fs].

atoms() ->
    Latin1 = [[], "a", "hello world", "ok", "nonode@nohost", [228], [255, 254],
              lists:duplicate(255, $x), lists:duplicate(255, 255)],
    Utf8 = [[937], [26085, 26412], lists:duplicate(255, 937), lists:duplicate(127, 937),
            lists:duplicate(128, 937), lists:duplicate(255, 128512), "ab" ++ [128512]],
    [{"atom " ++ short_text(L), list_to_atom(L)} || L <- Latin1 ++ Utf8].

short_text(L) when length(L) > 12 -> io_lib:format("~w x ~w", [length(L), hd(L)]);
short_text(L) -> io_lib:format("~w", [L]).

lists() ->
    Bytes = lists:seq(0, 255),
    [{"list []", []}, {"list abc", "abc"}, {"list 0..255", Bytes}, {"list [256]", [256]},
     {"list [1,256]", [1, 256]}, {"list [-1]", [-1]}, {"list [a]", [a]},
     {"list [1|2]", [1 | 2]}, {"list [a|b]", [a | b]}, {"list [1,2|3]", [1, 2 | 3]},
     {"list string|tail", "abc" ++ <<"tail">>}, {"list [[]]", [[]]},
     {"list [[],[[]]]", [[], [[]]]}, {"list of strings", ["ab", "cd", []]},
     {"list 65535 bytes", lists:duplicate(65535, 7)},
     {"list 65536 bytes", lists:duplicate(65536, 7)},
     {"list 65535 bytes improper", lists:duplicate(65535, 7) ++ x},
     {"list 10000 mixed", [if I rem 3 =:= 0 -> I; true -> {I} end || I <- lists:seq(1, 10000)]},
     {"list nested 10000 deep", nest_list(10000)},
     {"list floats", [1.5, -0.0, 2.0e10]}].

nest_list(0) -> [];
nest_list(N) -> [nest_list(N - 1)].

nest_tuple(0) -> {};
nest_tuple(N) -> {N, nest_tuple(N - 1)}.

tuples() ->
    [{"tuple {}", {}}, {"tuple {1}", {1}}, {"tuple {a,b,c}", {a, b, c}},
     {"tuple 255", list_to_tuple(lists:seq(1, 255))},
     {"tuple 256", list_to_tuple(lists:seq(1, 256))},
     {"tuple 70000", list_to_tuple([I rem 300 || I <- lists:seq(1, 70000)])},
     {"tuple nested 10000 deep", nest_tuple(10000)},
     {"tuple of empties", {{}, [], <<>>, #{}}}].

binaries() ->
    Mb = << <<((I * 7919) bsr 3):8>> || I <- lists:seq(1, 1 bsl 20) >>,
    Big = list_to_binary(lists:seq(0, 255)),
    <<_:3, Unaligned:1001/bitstring, _/bitstring>> = Big,
    Sub = binary:part(Big, 10, 100),
    [{"binary <<>>", <<>>}, {"binary 1", <<42>>}, {"binary 64", binary:part(Big, 0, 64)},
     {"binary 65", binary:part(Big, 0, 65)}, {"binary 1 MB", Mb},
     {"binary sub", Sub}, {"bitstring unaligned 1001", Unaligned}] ++
    [{io_lib:format("bitstring ~w bits", [N]), <<16#a5c3:N>>} || N <- lists:seq(1, 15)] ++
    [{io_lib:format("bitstring 8*100+~w bits", [N]), <<Big:100/binary, 16#ff:N>>}
     || N <- lists:seq(1, 7)].

maps() ->
    Int40 = maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
    Int1000 = maps:from_list([{I, -I} || I <- lists:seq(1, 1000)]),
    Mixed = maps:from_list([{I, a} || I <- lists:seq(1, 20)] ++
                           [{float(I), b} || I <- lists:seq(1, 20)] ++
                           [{{I}, c} || I <- lists:seq(1, 10)] ++
                           [{<<I>>, d} || I <- lists:seq(1, 10)] ++
                           [{[I], e} || I <- lists:seq(1, 10)] ++
                           [{"s" ++ integer_to_list(I), f} || I <- lists:seq(1, 10)]),
    [{"map #{}", #{}}, {"map small", #{a => 1, b => 2.0, "c" => [3]}},
     {"map int and float keys", #{1 => a, 1.0 => b, -0.0 => c, 2 => d}},
     {"map 32 keys", maps:from_list([{I, I} || I <- lists:seq(1, 32)])},
     {"map 33 keys", maps:from_list([{I, I} || I <- lists:seq(1, 33)])},
     {"map 40 keys", Int40}, {"map 1000 keys", Int1000}, {"map 100 mixed keys", Mixed},
     {"map nested", #{a => #{b => #{c => Int40}}, Int40 => #{}}},
     {"map with map keys", #{#{1 => 2} => x, #{} => y, Int40 => z}},
     {"map of bignum keys", maps:from_list([{1 bsl I, I} || I <- lists:seq(60, 130)])},
     {"map of binary keys", maps:from_list([{<<I:16>>, I} || I <- lists:seq(1, 300)])},
     {"list of maps", [#{I => I} || I <- lists:seq(1, 50)]}].

%% Terms whose plain encoding follows OTP's atom indexes or pointers, so
%% only the sorted (deterministic) encoding can match.
deterministic_only() ->
    [{"map 50 atom keys", maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I}
                                          || I <- lists:seq(1, 50)])},
     {"map 40 atom values mixed keys",
      maps:from_list([{{I, list_to_atom([$a + I rem 26])}, I} || I <- lists:seq(1, 40)])},
     {"map 40 external pid keys",
      maps:from_list([{external_pid(I), I} || I <- lists:seq(1, 40)])}].

external_pid(N) ->
    binary_to_term(<<131, 88, 100, 0, 10, "other@host", N:32, 2:32, 7:32>>).

identifiers() ->
    Port = open_port({spawn, "true"}, []),
    Pid = spawn(fun() -> ok end),
    [{"pid self()", self()}, {"pid spawned", Pid}, {"pid external", external_pid(5)},
     {"pid external big creation",
      binary_to_term(<<131, 88, 100, 0, 10, "other@host", 32767:32, 8191:32, 16#fffffff0:32>>)},
     {"pid external big numbers",
      binary_to_term(<<131, 88, 100, 0, 10, "other@host", 16#ffffffff:32, 16#ffffffff:32, 1:32>>)},
     {"port first", hd(erlang:ports())}, {"port opened", Port},
     {"port external", binary_to_term(<<131, 89, 100, 0, 10, "other@host", 77:32, 3:32>>)},
     {"port external 64-bit",
      binary_to_term(<<131, 120, 100, 0, 10, "other@host", (1 bsl 40):64, 3:32>>)},
     {"ref make_ref()", make_ref()}, {"ref another", make_ref()},
     {"ref external 3", binary_to_term(<<131, 90, 3:16, 100, 0, 10, "other@host", 9:32, 1:32, 2:32, 3:32>>)},
     {"ref external 5",
      binary_to_term(<<131, 90, 5:16, 100, 0, 10, "other@host", 9:32, 1:32, 2:32, 3:32, 4:32, 5:32>>)},
     {"ref external 1", binary_to_term(<<131, 90, 1:16, 100, 0, 10, "other@host", 9:32, 1:32>>)},
     {"identifiers together", {self(), Port, make_ref(), [Pid]}}].

adder(X) -> fun(Y) -> X + Y end.
closure(A, B, C) -> fun(D, E) -> {A, B, C, D, E} end.
no_free() -> fun() -> ok end.

funs() ->
    Inner = adder(3),
    [{"fun adder", adder(7)}, {"fun adder bignum", adder(1 bsl 100)},
     {"fun closure", closure([1, 2], #{k => v}, <<"bin">>)},
     {"fun no free variables", no_free()}, {"fun in fun", closure(Inner, Inner, adder(Inner))},
     {"export lists:map/2", fun lists:map/2}, {"export erlang:self/0", fun erlang:self/0},
     {"export unknown", fun not_a_module:not_a_function/3},
     {"funs in a list", [fun lists:map/2, no_free(), adder(1)]}].

mixed() ->
    [{"mixed tuple", {1, -1, 1.5, atom, "str", [1 | 2], <<1, 2>>, <<1:1>>, #{k => [v]},
                      {}, [], 1 bsl 70, 'Ω', self()}},
     {"mixed deep", lists:foldl(fun(I, Acc) -> {I, [#{I => Acc}]} end, [], lists:seq(1, 300))}].

%% ---- inputs that OTP reads (or refuses) in a way worth pinning down ----

-define(N, 100, 0, 13, "nonode@nohost").
-define(O, 100, 0, 5, "other").

float_text(S) -> <<99, (list_to_binary(S))/binary, 0:((31 - length(S)) * 8)>>.

decode_cases() ->
    C = term_to_binary(lists:duplicate(20, 0), [compressed]),
    <<131, 80, _:32, Z/binary>> = C,
    Zgarbage = zlib:compress(<<97, 1, 2, 3>>),
    Zempty = zlib:compress(<<>>),
    Fun = term_to_binary(adder(7)),
    <<131, 112, _:32, FunRest/binary>> = Fun,
    [
     %% versions, framing, trailing bytes, compression
     {"version 130", 0, <<130, 97, 1>>},
     {"only the version byte", 0, <<131>>},
     {"trailing bytes", 0, <<131, 97, 1, 0, 0>>},
     {"compressed + trailing bytes", 0, <<C/binary, 9, 9>>},
     {"compressed, declared size + 1", 0, <<131, 80, 24:32, Z/binary>>},
     {"compressed, declared size - 1", 0, <<131, 80, 22:32, Z/binary>>},
     {"compressed, garbage after the term inside", 0, <<131, 80, 4:32, Zgarbage/binary>>},
     {"compressed, size 0", 0, <<131, 80, 0:32, Zempty/binary>>},
     {"compressed, huge size", 0, <<131, 80, 16#ffffffff:32, Z/binary>>},
     {"compressed, not zlib", 0, <<131, 80, 3:32, 1, 2, 3, 4, 5, 6>>},
     {"compressed inside a term", 0, <<131, 104, 1, C/binary>>},
     %% tags
     {"atom cache ref", 0, <<131, 82, 0>>},
     {"FUN_EXT", 0, <<131, 117, 0:32, 103, ?N, 1:32, 2:32, 0, 100, 0, 1, "m", 97, 0, 97, 0>>},
     {"unknown tag 0", 0, <<131, 0>>},
     {"unknown tag 255", 0, <<131, 255>>},
     {"string 0", 0, <<131, 107, 0:16>>},
     {"list 0 is its tail", 0, <<131, 108, 0:32, 97, 1>>},
     {"list 0 twice", 0, <<131, 108, 0:32, 108, 0:32, 106>>},
     {"list count beyond the input", 0, <<131, 108, 16#ffffffff:32, 97, 1>>},
     {"tuple count beyond the input", 0, <<131, 105, 16#ffffffff:32, 97, 1>>},
     {"map count beyond the input", 0, <<131, 116, 16#7fffffff:32, 97, 1, 97, 1>>},
     {"map count 2^31", 0, <<131, 116, 16#80000000:32, 97, 1, 97, 1>>},
     {"binary length beyond the input", 0, <<131, 109, 16#ffffffff:32, 1, 2, 3>>},
     {"large tuple 0", 0, <<131, 105, 0:32>>},
     {"small tuple 0", 0, <<131, 104, 0>>},
     %% integers
     {"big zero width", 0, <<131, 110, 0, 1>>},
     {"big negative zero", 0, <<131, 110, 2, 1, 0, 0>>},
     {"big that fits a small", 0, <<131, 110, 2, 1, 5, 0>>},
     {"big sign byte 2", 0, <<131, 110, 1, 2, 5>>},
     {"large big 0 bytes", 0, <<131, 111, 0:32, 1>>},
     {"large big with leading zeros", 0, <<131, 111, 300:32, 0, 1, 0:(299 * 8)>>},
     {"large big at OTP's limit", 0, <<131, 111, 4194296:32, 0, 0:(8 * 4194295), 1>>},
     {"large big past OTP's limit", 0, <<131, 111, 4194297:32, 0, 0:(8 * 4194296), 1>>},
     %% floats
     {"float 1.5", 0, float_text("1.50000000000000000000e+00")},
     {"float 1,5", 0, float_text("1,5")},
     {"float +1.5", 0, float_text("+1.5")},
     {"float -0.0", 0, float_text("-0.0")},
     {"float 1.5e-999 underflows", 0, float_text("1.5e-999")},
     {"float 4.9e-324", 0, float_text("4.9e-324")},
     {"float 1E5 without point", 0, float_text("1E5")},
     {"float inf", 0, float_text("inf")},
     {"float 1.5e999", 0, float_text("1.5e999")},
     {"float leading space", 0, float_text(" 1.5")},
     {"float junk after NUL", 0, <<99, "1.5", 0, "xyz", 0:(24 * 8)>>},
     {"float text without NUL, then NUL", 0, <<131, 99, "1.", (binary:copy(<<"0">>, 29))/binary, 0>>},
     {"float text without NUL, then 1e5 NUL", 0, <<131, 99, "1.", (binary:copy(<<"0">>, 29))/binary, "1e5", 0>>},
     {"float text without NUL, then e NUL", 0, <<131, 99, "1.", (binary:copy(<<"0">>, 29))/binary, "e", 0>>},
     {"float text without NUL in a list", 0, <<131, 108, 2:32, 99, "1.", (binary:copy(<<"0">>, 29))/binary, 97, 1, 106>>},
     {"float 1.", 0, float_text("1.")},
     {"float .5", 0, float_text(".5")},
     {"float 1.5e", 0, float_text("1.5e")},
     {"new float NaN", 0, <<131, 70, 16#7ff8000000000000:64>>},
     {"new float inf", 0, <<131, 70, 16#7ff0000000000000:64>>},
     {"new float -inf", 0, <<131, 70, 16#fff0000000000000:64>>},
     {"new float -0.0", 0, <<131, 70, 16#8000000000000000:64>>},
     %% atoms
     {"atom Latin-1 high bytes", 0, <<131, 100, 0, 2, 228, 255>>},
     {"small atom", 0, <<131, 115, 3, "abc">>},
     {"atom 255 Latin-1", 0, <<131, 100, 0, 255, (binary:copy(<<"y">>, 255))/binary>>},
     {"atom 256 Latin-1", 0, <<131, 100, 1, 0, (binary:copy(<<"y">>, 256))/binary>>},
     {"atom UTF-8 bad byte", 0, <<131, 119, 1, 255>>},
     {"atom UTF-8 surrogate", 0, <<131, 119, 3, 16#ed, 16#a0, 16#80>>},
     {"atom UTF-8 overlong", 0, <<131, 119, 2, 16#c0, 16#80>>},
     {"atom UTF-8 truncated sequence", 0, <<131, 119, 2, $a, 16#c3>>},
     {"atom UTF-8 above U+10FFFF", 0, <<131, 119, 4, 16#f4, 16#90, 16#80, 16#80>>},
     {"atom UTF-8 256 characters", 0, <<131, 118, 2, 0, (binary:copy(<<195, 164>>, 256))/binary>>},
     {"atom UTF-8 1020 bytes", 0, <<131, 118, 1020:16, (binary:copy(<<240, 159, 152, 128>>, 255))/binary>>},
     {"atom UTF-8 1021 bytes", 0, <<131, 118, 1021:16, (binary:copy(<<240, 159, 152, 128>>, 255))/binary, 0>>},
     {"atom UTF-8 Latin-1 range", 0, <<131, 119, 2, 195, 164>>},
     %% binaries
     {"bit binary 0 bytes 0 bits", 0, <<131, 77, 0:32, 0>>},
     {"bit binary 0 bytes 1 bit", 0, <<131, 77, 0:32, 1>>},
     {"bit binary 1 byte 0 bits", 0, <<131, 77, 1:32, 0, 255>>},
     {"bit binary 1 byte 8 bits", 0, <<131, 77, 1:32, 8, 255>>},
     {"bit binary 1 byte 9 bits", 0, <<131, 77, 1:32, 9, 255>>},
     {"bit binary stray bits", 0, <<131, 77, 2:32, 3, 1, 255>>},
     %% maps
     {"map duplicate keys", 0, <<131, 116, 2:32, 97, 1, 97, 2, 97, 1, 97, 3>>},
     {"map 1 and 1.0", 0, <<131, 116, 2:32, 70, 1.0/float, 97, 2, 97, 1, 97, 3>>},
     {"map 0.0 and -0.0", 0, <<131, 116, 2:32, 70, 0.0/float, 97, 1, 70, 16#8000000000000000:64, 97, 2>>},
     {"map 33 keys, one repeated", 0,
      <<131, 116, 33:32, (list_to_binary([[97, I, 97, 0] || I <- lists:seq(1, 32)]))/binary, 97, 5, 97, 0>>},
     {"map keys out of order", 0, <<131, 116, 3:32, 97, 3, 97, 0, 97, 1, 97, 0, 100, 0, 1, "a", 97, 0>>},
     {"map inside map key duplicate", 0,
      <<131, 116, 2:32, 116, 1:32, 97, 1, 97, 1, 97, 0, 116, 1:32, 97, 1, 97, 1, 97, 0>>},
     %% pids
     {"pid local", 0, <<131, 88, ?N, 32767:32, 8191:32, 0:32>>},
     {"pid local number too big", 0, <<131, 88, ?N, 32768:32, 0:32, 0:32>>},
     {"pid local serial too big", 0, <<131, 88, ?N, 0:32, 8192:32, 0:32>>},
     {"pid external big number", 0, <<131, 88, ?O, 32768:32, 0:32, 0:32>>},
     {"pid local name, creation 1", 0, <<131, 88, ?N, 1:32, 2:32, 1:32>>},
     {"PID_EXT local", 0, <<131, 103, ?N, 1:32, 2:32, 0>>},
     {"PID_EXT external creation 3", 0, <<131, 103, ?O, 1:32, 2:32, 3>>},
     {"PID_EXT creation 4", 0, <<131, 103, ?O, 1:32, 2:32, 4>>},
     {"pid node []", 0, <<131, 88, 106, 1:32, 2:32, 0:32>>},
     {"pid node 1", 0, <<131, 88, 97, 1, 1:32, 2:32, 0:32>>},
     {"pid node UTF-8", 0, <<131, 88, 119, 13, "nonode@nohost", 1:32, 2:32, 0:32>>},
     {"pid node small atom", 0, <<131, 88, 115, 5, "other", 1:32, 2:32, 0:32>>},
     %% ports
     {"PORT_EXT local", 0, <<131, 102, ?N, 5:32, 0>>},
     {"PORT_EXT external", 0, <<131, 102, ?O, 5:32, 3>>},
     {"PORT_EXT creation 4", 0, <<131, 102, ?O, 5:32, 4>>},
     {"NEW_PORT_EXT external", 0, <<131, 89, ?O, 5:32, 7:32>>},
     {"V4_PORT_EXT local", 0, <<131, 120, ?N, 5:64, 0:32>>},
     {"V4_PORT_EXT local 2^28 - 1", 0, <<131, 120, ?N, ((1 bsl 28) - 1):64, 0:32>>},
     {"V4_PORT_EXT local 2^28", 0, <<131, 120, ?N, (1 bsl 28):64, 0:32>>},
     {"V4_PORT_EXT external 2^28 - 1", 0, <<131, 120, ?O, ((1 bsl 28) - 1):64, 0:32>>},
     {"V4_PORT_EXT external 2^28", 0, <<131, 120, ?O, (1 bsl 28):64, 0:32>>},
     {"V4_PORT_EXT external 2^32 - 1", 0, <<131, 120, ?O, ((1 bsl 32) - 1):64, 0:32>>},
     {"V4_PORT_EXT external 2^32", 0, <<131, 120, ?O, (1 bsl 32):64, 0:32>>},
     {"V4_PORT_EXT external 2^63", 0, <<131, 120, ?O, (1 bsl 63):64, 0:32>>},
     {"V4_PORT_EXT external small id", 0, <<131, 120, ?O, 9:64, 2:32>>},
     %% references
     {"REFERENCE_EXT local", 0, <<131, 101, ?N, 7:32, 0>>},
     {"REFERENCE_EXT external", 0, <<131, 101, ?O, 7:32, 2>>},
     {"REFERENCE_EXT creation 4", 0, <<131, 101, ?O, 7:32, 4>>},
     {"REFERENCE_EXT id 2^18", 0, <<131, 101, ?O, 262144:32, 2>>},
     {"NEW_REFERENCE_EXT local", 0, <<131, 114, 2:16, ?N, 0, 7:32, 9:32>>},
     {"NEW_REFERENCE_EXT external", 0, <<131, 114, 2:16, ?O, 3, 7:32, 9:32>>},
     {"NEW_REFERENCE_EXT id 2^18", 0, <<131, 114, 2:16, ?O, 3, 262144:32, 9:32>>},
     {"NEW_REFERENCE_EXT creation 4", 0, <<131, 114, 2:16, ?O, 4, 7:32, 9:32>>},
     {"NEWER_REFERENCE_EXT local 0 ids", 0, <<131, 90, 0:16, ?N, 0:32>>},
     {"NEWER_REFERENCE_EXT local 0 ids + 4 bytes", 0, <<131, 90, 0:16, ?N, 0:32, 7:32>>},
     {"NEWER_REFERENCE_EXT local 1 id", 0, <<131, 90, 1:16, ?N, 0:32, 7:32>>},
     {"NEWER_REFERENCE_EXT local 3 ids", 0, <<131, 90, 3:16, ?N, 0:32, 7:32, 8:32, 9:32>>},
     {"NEWER_REFERENCE_EXT local 4 ids", 0, <<131, 90, 4:16, ?N, 0:32, 7:32, 1:32, 2:32, 3:32>>},
     {"NEWER_REFERENCE_EXT local 5 ids", 0, <<131, 90, 5:16, ?N, 0:32, 7:32, 1:32, 2:32, 3:32, 4:32>>},
     {"NEWER_REFERENCE_EXT local first id 2^18", 0, <<131, 90, 3:16, ?N, 0:32, 262144:32, 1:32, 2:32>>},
     {"NEWER_REFERENCE_EXT external 0 ids", 0, <<131, 90, 0:16, ?O, 0:32, 7:32>>},
     {"NEWER_REFERENCE_EXT external 1 id", 0, <<131, 90, 1:16, ?O, 0:32, 7:32>>},
     {"NEWER_REFERENCE_EXT external first id 2^18", 0, <<131, 90, 3:16, ?O, 0:32, 262144:32, 1:32, 2:32>>},
     {"NEWER_REFERENCE_EXT external 5 ids", 0, <<131, 90, 5:16, ?O, 0:32, 7:32, 1:32, 2:32, 3:32, 4:32>>},
     {"NEWER_REFERENCE_EXT 6 ids", 0, <<131, 90, 6:16, ?O, 0:32, 7:32, 1:32, 2:32, 3:32, 4:32, 5:32>>},
     %% external funs
     {"export arity 255", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 97, 255>>},
     {"export arity 256", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 98, 256:32>>},
     {"export arity 2^32 keeps 32 bits", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 110, 5, 0, 0, 0, 0, 0, 1>>},
     {"export arity 2^59 - 1", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 7>>},
     {"export arity 2^59", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8>>},
     {"export arity -1", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 98, -1:32>>},
     {"export arity as a big", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 110, 1, 0, 5>>},
     {"export arity after an empty list", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 108, 0:32, 97, 2>>},
     {"export arity an atom", 0, <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 100, 0, 1, "a">>},
     {"export module not an atom", 0, <<131, 113, 97, 1, 100, 0, 1, "f", 97, 1>>},
     %% local funs
     {"fun as encoded", 0, Fun},
     {"fun size field wrong", 0, <<131, 112, 9999:32, FunRest/binary>>},
     {"fun size field 0", 0, <<131, 112, 0:32, FunRest/binary>>},
     {"fun truncated", 0, binary:part(Fun, 0, byte_size(Fun) - 1)},
     fun_case("fun unknown module", <<100, 0, 7, "zzqqxxy">>, <<97, 77>>, <<97, 3>>, creator(), 0, <<>>),
     fun_case("fun creator external", mod(), <<97, 77>>, <<97, 3>>,
              <<88, ?O, 1:32, 2:32, 3:32>>, 0, <<>>),
     fun_case("fun creator old PID_EXT", mod(), <<97, 77>>, <<97, 3>>,
              <<103, ?N, 1:32, 2:32, 0>>, 0, <<>>),
     fun_case("fun old uniq 2^32 - 1", mod(), <<97, 77>>, <<110, 4, 0, 255, 255, 255, 255>>, creator(), 0, <<>>),
     fun_case("fun old uniq negative", mod(), <<97, 77>>, <<98, -5:32>>, creator(), 0, <<>>),
     fun_case("fun old uniq not small", mod(), <<97, 77>>, <<110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8>>, creator(), 0, <<>>),
     fun_case("fun old index an atom", mod(), <<100, 0, 1, "x">>, <<97, 3>>, creator(), 0, <<>>),
     fun_case("fun module not an atom", <<97, 1>>, <<97, 77>>, <<97, 3>>, creator(), 0, <<>>),
     fun_case("fun 255 free variables", mod(), <<97, 77>>, <<97, 3>>, creator(), 255,
              binary:copy(<<97, 1>>, 255)),
     fun_case("fun 256 free variables", mod(), <<97, 77>>, <<97, 3>>, creator(), 256,
              binary:copy(<<97, 1>>, 256)),
     fun_case("fun free variables missing", mod(), <<97, 77>>, <<97, 3>>, creator(), 3, <<97, 1>>),
     %% safe
     {"safe existing atom", 1, <<131, 100, 0, 2, "ok">>},
     {"safe new atom", 1, <<131, 100, 0, 25, "kbeam_etf_corpus_new_atom">>},
     {"safe new atom UTF-8", 1, <<131, 119, 26, "kbeam_etf_corpus_new_atom2">>},
     {"safe new node name", 1, <<131, 88, 100, 0, 12, "kbeam@nowher", 1:32, 2:32, 3:32>>},
     {"safe existing node name", 1, <<131, 88, ?N, 1:32, 2:32, 0:32>>},
     {"safe list of existing atoms", 1, <<131, 108, 2:32, 100, 0, 4, "true", 115, 5, "false", 106>>}
    ].

mod() -> <<100, 0, 10, "etf_corpus">>.
creator() -> <<88, ?N, 0:32, 0:32, 0:32>>.

%% A NEW_FUN_EXT of etf_corpus's MD5 and index 77 (Size not checked).
fun_case(Name, Module, OldIndex, OldUniq, Creator, NumFree, Env) ->
    Md5 = etf_corpus:module_info(md5),
    {Name, 0, <<131, 112, 0:32, 2, Md5/binary, 77:32, NumFree:32, Module/binary,
                OldIndex/binary, OldUniq/binary, Creator/binary, Env/binary>>}.

%% ---- mutants: OTP encodings with one byte changed, inserted or deleted ----

%% What OTP makes of them is the reference, accept or refuse. Left out:
%% mutants with a byte that could be the NEW_FUN_EXT tag (OTP 25 crashes
%% on some malformed funs) or one of the tags of OTP's internal ETS format
%% (ATOM_INTERNAL_REF2/3, 73 and 75, which name atoms by OTP's own atom
%% table indexes; kbeam refuses them).
mutants() ->
    rand:seed(exsss, {7, 8, 9}),
    Terms = [1, -1, 300, 1 bsl 40, -(1 bsl 70), 1.5, -0.0, abc, 'ä', 'Ω', [], "abc",
             [1, a | b], {a, b, {c}}, <<1, 2, 3>>, <<5:3>>, #{a => 1, 2 => [3]},
             maps:from_list([{I, I} || I <- lists:seq(1, 40)]), self(), make_ref(),
             hd(erlang:ports()), fun lists:map/2, external_pid(3),
             binary_to_term(<<131, 90, 2:16, 100, 0, 1, "x", 3:32, 1:32, 2:32>>),
             {[1.0, "x", <<>>], #{[] => {}}, 1 bsl 100}],
    Opts = [[], [compressed], [{minor_version, 0}], [{minor_version, 2}]],
    Encs = [{T, term_to_binary(T, O)} || T <- Terms, O <- Opts],
    All = lists:append([[{T, mutate(E)} || _ <- lists:seq(1, 120)] || {T, E} <- Encs]),
    [{io_lib:format("mutant ~w of ~w", [I, T]), 0, M}
     || {I, {T, M}} <- lists:zip(lists:seq(1, length(All)), All),
        binary:match(M, [<<112>>, <<73>>, <<75>>]) =:= nomatch].

mutate(B) ->
    P = rand:uniform(byte_size(B)) - 1,
    <<H:P/binary, Old, T/binary>> = B,
    case rand:uniform(4) of
        1 -> <<H/binary, (rand:uniform(256) - 1), T/binary>>;
        2 -> <<H/binary, (lists:nth(rand:uniform(6), [0, 1, 127, 128, 254, 255])), T/binary>>;
        3 -> <<H/binary, (rand:uniform(256) - 1), Old, T/binary>>;
        4 -> <<H/binary, T/binary>>
    end.
