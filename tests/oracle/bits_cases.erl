%% Oracle cases for the bit syntax (userspace/vm/bits.h): random segment
%% lists of every type, flag, unit and size, good and bad, built by OTP
%% (bs_create_bin), and random patterns matched by OTP (bs_start_match,
%% bs_get_*, bs_skip_*, bs_match_string, bs_test_tail/unit).
%%
%% Each case becomes a function of a generated module, compiled at run
%% time, whose values and (mostly) sizes are arguments, so OTP evaluates
%% them when the function runs, as the JIT's helpers will. Writes
%% bits_cases.etf: term_to_binary([Case]) where Case is
%%   {create, [{Type, Unit, Flags, Value, Size}], {ok, Bitstring} | {error, Reason}}
%%     Type: integer | float | binary | utf8 | utf16 | utf32 | string | append
%%     Flags: a list of little, native, signed; Size: a term, or undefined
%%     (utf), the atom all (binary, append), the byte count (string, whose
%%     Value is the bytes)
%%   {match, Bitstring, [Op], {ok, [Value]} | nomatch}
%%     Op: {integer, Size, Unit, Flags} | {float, Size, Unit, Flags} |
%%         {binary, Size, Unit} | {skip, Size, Unit} | {binary_all, Unit} |
%%         {skip_all, Unit} | {utf8} | {utf16, Flags} | {utf32, Flags} |
%%         {string, Bytes}
%%     without a final *_all op the rest must be empty.
-module(bits_cases).
-export([main/1]).

-define(CREATE_CASES, 4000).
-define(MATCH_CASES, 4000).
-define(BATCH, 250).

main(Dir) ->
    rand:seed(exsss, {25, 11, 9}),
    Creates = [normalize(C) || C <- fixed_creates() ++
                                   [random_create() || _ <- lists:seq(1, ?CREATE_CASES)]],
    Matches = fixed_matches() ++ [random_match() || _ <- lists:seq(1, ?MATCH_CASES)],
    Cases = run_batches(create, Creates, 0) ++ run_batches(match, Matches, 0),
    ok = file:write_file(filename:join(Dir, "bits_cases.etf"), term_to_binary(Cases)).

%% ---- running: one generated module per batch ----

run_batches(_, [], _) -> [];
run_batches(Kind, Cases, N) ->
    {Batch, Rest} = lists:split(min(?BATCH, length(Cases)), Cases),
    Mod = list_to_atom("bits_cases_" ++ atom_to_list(Kind) ++ integer_to_list(N)),
    Named = lists:zip(lists:seq(1, length(Batch)), Batch),
    Funs = [function(Kind, fname(I), C) || {I, C} <- Named],
    Forms = [{attribute, 1, module, Mod},
             {attribute, 1, export, [{fname(I), arity(Kind, C)} || {I, C} <- Named]}
             | Funs],
    {ok, Mod, Beam} = compile:forms(Forms, [binary, return_errors]),
    {module, Mod} = code:load_binary(Mod, "generated", Beam),
    Out = [outcome(Kind, Mod, fname(I), C) || {I, C} <- Named],
    code:purge(Mod),
    code:delete(Mod),
    Out ++ run_batches(Kind, Rest, N + 1).

fname(I) -> list_to_atom("f" ++ integer_to_list(I)).

arity(create, Segs) -> length(create_args(Segs));
arity(match, {_Bin, Ops}) -> 1 + length(match_args(Ops)).

outcome(create, Mod, F, Segs) ->
    Result = try apply(Mod, F, create_args(Segs)) of
                 R -> {ok, R}
             catch
                 error:R -> {error, R}
             end,
    {create, [describe(S) || S <- Segs], Result};
outcome(match, Mod, F, {Bin, Ops}) ->
    {match, Bin, [describe_op(Op) || Op <- Ops], apply(Mod, F, [Bin | match_args(Ops)])}.

%% ---- construction ----
%% A segment: {Type, Unit, Flags, Value, Size, SizeMode}, SizeMode var
%% (an argument), lit (a literal in the code), all, none (utf), string.

create_args(Segs) ->
    lists:append([[V || M =/= string] ++ [S || M =:= var] || {_, _, _, V, S, M} <- Segs]).

describe({string, _, _, V, S, _}) -> {string, 8, [], V, S};
describe({binary, U, F, V, all, all}) -> {binary, U, F, V, all};
describe({T, U, F, V, S, _}) -> {T, U, F, V, S}.

function(create, Name, Segs) ->
    {Elements, Params} = create_elements(Segs, 1, [], []),
    {function, 1, Name, length(Params),
     [{clause, 1, Params, [], [{bin, 1, Elements}]}]};
function(match, Name, {_Bin, Ops}) ->
    {Elements, Params, Vars} = match_elements(Ops, 1, [], [], []),
    Ok = {tuple, 1, [{atom, 1, ok}, list_expr(Vars)]},
    Case = {'case', 1, {var, 1, 'B'},
            [{clause, 1, [{bin, 1, Elements}], [], [Ok]},
             {clause, 1, [{var, 1, '_'}], [], [{atom, 1, nomatch}]}]},
    {function, 1, Name, 1 + length(Params), [{clause, 1, [{var, 1, 'B'} | Params], [], [Case]}]}.

var(Prefix, I) -> {var, 1, list_to_atom(Prefix ++ integer_to_list(I))}.

list_expr([]) -> {nil, 1};
list_expr([V | Vs]) -> {cons, 1, V, list_expr(Vs)}.

create_elements([], _, Es, Ps) -> {lists:reverse(Es), lists:reverse(Ps)};
create_elements([{string, _, _, V, _, string} | Segs], I, Es, Ps) ->
    E = {bin_element, 1, {string, 1, binary_to_list(V)}, default, default},
    create_elements(Segs, I + 1, [E | Es], Ps);
create_elements([{T, U, F, _, S, M} | Segs], I, Es, Ps) ->
    Val = var("V", I),
    {SizeExpr, SizeParams} = case M of
                                 var -> {var("S", I), [var("S", I)]};
                                 lit -> {{integer, 1, S}, []};
                                 _ -> {default, []}
                             end,
    E = {bin_element, 1, Val, SizeExpr, type_spec(T, U, F)},
    create_elements(Segs, I + 1, [E | Es], lists:reverse([Val | SizeParams]) ++ Ps).

type_spec(utf8, _, F) -> [utf8 | F];
type_spec(utf16, _, F) -> [utf16 | F];
type_spec(utf32, _, F) -> [utf32 | F];
type_spec(binary, U, _) -> [binary, {unit, U}];
type_spec(append, U, _) -> [binary, {unit, U}];
type_spec(T, U, F) -> [T | F] ++ [{unit, U}].

%% The compiler makes a first segment of type binary and size all the
%% binary appended to.
normalize([{binary, U, F, V, all, all} | Segs]) -> [{append, U, F, V, all, all} | Segs];
normalize(Segs) -> Segs.

random_create() ->
    N = rand:uniform(5),
    Segs = [random_seg() || _ <- lists:seq(1, N)],
    case rand:uniform(4) of
        1 -> [append_seg() | Segs];
        _ -> Segs
    end.

append_seg() ->
    U = pick([1, 8, 8, 8, 4]),
    V = case rand:uniform(12) of
            1 -> pick([a, 17, [1], 1.0]);
            _ -> random_bits(pick([0, 1, 7, 8, 16, 24, 100, 512, 520, 1000]))
        end,
    {append, U, [], V, all, all}.

random_seg() ->
    case rand:uniform(10) of
        1 -> float_seg();
        2 -> binary_seg();
        3 -> binary_all_seg();
        4 -> utf_seg();
        5 -> string_seg();
        _ -> integer_seg()
    end.

integer_seg() ->
    U = pick([1, 1, 1, 1, 2, 3, 5, 8, 8, 16]),
    Bits = pick([0, 1, 3, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 47, 48, 59, 60, 61, 63, 64, 65,
                 rand:uniform(70), rand:uniform(300), 1000]),
    Flags = pick([[], [little], [signed], [little, signed], [native], [native, signed]]),
    V = maybe_bad_value(random_integer(), [a, 1.0, <<1>>, [], 2.5]),
    sized(integer, U, Flags, V, Bits div U).

float_seg() ->
    {U, Size} = pick([{1, 64}, {1, 32}, {1, 16}, {8, 8}, {8, 4}, {8, 2}, {16, 4}, {32, 1}, {1, 0},
                      {1, 33}, {8, 3}, {1, 128}]),
    Flags = pick([[], [little], [native]]),
    V = maybe_bad_value(random_float_value(), [a, <<1.0:64/float>>, [], {}]),
    sized(float, U, Flags, V, Size).

binary_seg() ->
    U = pick([1, 8, 8, 3, 16]),
    V0 = random_bits(pick([0, 1, 8, 13, 64, 100, 512, 513, 1000])),
    V = maybe_bad_value(V0, [a, 1, [1, 2], 1.0]),
    Have = case is_bitstring(V) of true -> bit_size(V); false -> 16 end,
    Size = case rand:uniform(6) of
               1 -> Have div U + 1 + rand:uniform(3);
               _ -> rand:uniform(Have div U + 1) - 1
           end,
    setelement(6, sized(binary, U, [], V, Size), var).

binary_all_seg() ->
    U = pick([1, 8, 8, 4]),
    V = maybe_bad_value(random_bits(pick([0, 3, 8, 12, 16, 520, 1001])), [a, 1, "ab"]),
    {binary, U, [], V, all, all}.

utf_seg() ->
    T = pick([utf8, utf16, utf32]),
    Flags = case T of
                utf8 -> [];
                _ -> pick([[], [little], [native]])
            end,
    V = case rand:uniform(8) of
            1 -> pick([16#D800, 16#DBFF, 16#DC00, 16#DFFF, 16#110000, -1, 1 bsl 64, a, 65.0,
                       -(1 bsl 59), 1 bsl 40]);
            _ -> random_code_point()
        end,
    {T, 0, Flags, V, undefined, none}.

string_seg() ->
    Bytes = list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(6) - 1)]),
    {string, 8, [], Bytes, byte_size(Bytes), string}.

%% A segment with Size units: mostly a good size in an argument, sometimes
%% a literal, sometimes a bad one.
sized(T, U, F, V, Size) ->
    case rand:uniform(14) of
        1 -> {T, U, F, V, pick([-1, -8, a, 1.5, 1 bsl 64, -(1 bsl 64), 1 bsl 59, [], <<8>>]), var};
        2 -> {T, 32, F, V, (1 bsl 59) - 1, var}; % size * unit past 2^63: system_limit
        N when N =< 5, T =:= integer -> {T, U, F, V, Size, lit};
        _ -> {T, U, F, V, Size, var}
    end.

maybe_bad_value(Good, Bad) ->
    case rand:uniform(14) of
        1 -> pick(Bad);
        _ -> Good
    end.

fixed_creates() ->
    H = fun(V, F) -> [{float, 1, F, V, 16, var}] end,
    Half = [H(V, F) || V <- half_edges(), F <- [[], [little]]],
    Single = [[{float, 1, [], V, 32, var}] || V <- [3.4028235e38, 3.4028236e38, 3.5e38, 1.0e39,
                                                     1.0e-46, 7.0e-46, 1.4e-45, (1 bsl 128) - 1,
                                                     (1 bsl 127) + (1 bsl 103), 16#FFFFFF80000001]],
    Double = [[{float, 1, [], V, 64, var}] || V <- [1 bsl 1023, 1 bsl 1024, -(1 bsl 1100),
                                                     (1 bsl 60) + 1, 5.0e-324, -0.0]],
    Ints = [[{integer, 1, F, V, S, var}] || V <- [0, -1, 1, 255, -256, (1 bsl 64) - 1, 1 bsl 64,
                                                   -(1 bsl 64), -(1 bsl 64) - 1, 1 bsl 200,
                                                   -(1 bsl 200) + 12345],
                                            S <- [0, 1, 7, 8, 12, 63, 64, 65, 100, 200, 201],
                                            F <- [[], [little]]],
    Order = [[{integer, 1, [], a, 8, var}, {integer, 1, [], 1, 1 bsl 64, var}],
             [{integer, 1, [], 1, -1, var}, {integer, 1, [], 1, 1 bsl 64, var}],
             [{integer, 1, [], 1, 1 bsl 64, var}, {integer, 1, [], 1, -1, var}],
             [{utf8, 0, [], -1, undefined, none}, {utf32, 0, [], -1, undefined, none}],
             [{utf32, 0, [], 16#D800, undefined, none}, {integer, 1, [], 1, 1 bsl 64, var}],
             [{binary, 8, [], a, all, all}, {integer, 1, [], 1, 1 bsl 64, var}],
             [{append, 8, [], <<1:1>>, all, all}, {integer, 1, [], a, 8, var}],
             [{append, 8, [], a, all, all}, {integer, 1, [], 1, 1 bsl 64, var}],
             [{append, 8, [], <<1:1>>, all, all}],
             [{append, 8, [], <<1, 2>>, all, all}],
             [{append, 1, [], <<1:3>>, all, all}, {integer, 1, [], a, 0, var}],
             [{append, 1, [], <<1:3>>, all, all}, {integer, 1, [], 5, 0, var}]],
    Half ++ Single ++ Double ++ Ints ++ Order.

%% Doubles next to half precision's rounding boundaries: ties, one ulp
%% either side, values that a detour through single precision would round
%% differently, subnormals, overflow.
half_edges() ->
    D = fun(S, E, M) -> <<F:64/float>> = <<S:1, E:11, M:52>>, F end,
    Ties = [D(S, 1023 + E, (K bsl 42) bor (1 bsl 41) bor Low)
            || S <- [0, 1], E <- [-14, -1, 0, 3, 15], K <- [0, 1, 2, 1023],
               Low <- [0, 1, 1 bsl 12, 1 bsl 28, (1 bsl 41) - 1]],
    Below = [D(0, 1023 + E, (K bsl 42) bor ((1 bsl 41) - 1)) || E <- [0, 15], K <- [0, 1, 1023]],
    Sub = [D(0, 1023 + E, M) || E <- [-15, -20, -24, -25, -26, -30], M <- [0, 1 bsl 51, 1, (1 bsl 52) - 1]],
    Ties ++ Below ++ Sub ++ [65504.0, 65519.0, 65519.99, 65520.0, 1.0e6, 1.0e300, 5.0e-324,
                             -0.0, 6.0e-8, 5.9604644775390625e-8, 2.9802322387695312e-8,
                             2.98023223876953e-8, 1 bsl 16, 65519, 65520, 1 bsl 70].

%% ---- matching ----

match_args(Ops) ->
    lists:append([[S] || {_, S, var, _, _} <- [op_size(Op) || Op <- Ops]]).

op_size({integer, S, M, U, F}) -> {integer, S, M, U, F};
op_size({float, S, M, U, F}) -> {float, S, M, U, F};
op_size({binary, S, M, U}) -> {binary, S, M, U, []};
op_size({skip, S, M, U}) -> {skip, S, M, U, []};
op_size(Op) -> {element(1, Op), none, none, 0, []}.

describe_op({integer, S, _, U, F}) -> {integer, S, U, F};
describe_op({float, S, _, U, F}) -> {float, S, U, F};
describe_op({binary, S, _, U}) -> {binary, S, U};
describe_op({skip, S, _, U}) -> {skip, S, U};
describe_op(Op) -> Op.

match_elements([], _, Es, Ps, Vs) -> {lists:reverse(Es), lists:reverse(Ps), lists:reverse(Vs)};
match_elements([Op | Ops], I, Es, Ps, Vs) ->
    X = var("X", I),
    {SizeExpr, Params} = case op_size(Op) of
                             {_, _, var, _, _} -> {var("S", I), [var("S", I)]};
                             {_, S, lit, _, _} -> {{integer, 1, S}, []};
                             _ -> {default, []}
                         end,
    {E, Bound} =
        case Op of
            {integer, _, _, U, F} -> {{bin_element, 1, X, SizeExpr, [integer | F] ++ [{unit, U}]}, [X]};
            {float, _, _, U, F} -> {{bin_element, 1, X, SizeExpr, [float | F] ++ [{unit, U}]}, [X]};
            {binary, _, _, U} -> {{bin_element, 1, X, SizeExpr, [binary, {unit, U}]}, [X]};
            {skip, _, _, U} -> {{bin_element, 1, {var, 1, '_'}, SizeExpr, [{unit, U}]}, []};
            {binary_all, U} -> {{bin_element, 1, X, default, [binary, {unit, U}]}, [X]};
            {skip_all, U} -> {{bin_element, 1, {var, 1, '_'}, default, [binary, {unit, U}]}, []};
            {utf8} -> {{bin_element, 1, X, default, [utf8]}, [X]};
            {utf16, F} -> {{bin_element, 1, X, default, [utf16 | F]}, [X]};
            {utf32, F} -> {{bin_element, 1, X, default, [utf32 | F]}, [X]};
            {string, B} -> {{bin_element, 1, {string, 1, binary_to_list(B)}, default, default}, []}
        end,
    match_elements(Ops, I + 1, [E | Es], lists:reverse(Params) ++ Ps, lists:reverse(Bound) ++ Vs).

%% A pattern and a bitstring made to fit it, then sometimes spoiled.
random_match() ->
    N = rand:uniform(5),
    Pieces = [random_op() || _ <- lists:seq(1, N)],
    {Ops0, Bits0} = lists:unzip(Pieces),
    {Ops, Tail} = case rand:uniform(3) of
                      1 -> {Ops0 ++ [pick([{binary_all, pick([1, 8, 8, 3])},
                                           {skip_all, pick([1, 8])}])],
                            random_bits(pick([0, 0, 8, 16, 5, 9, 24, 600]))};
                      _ -> {Ops0, <<>>}
                  end,
    Bin = spoil(<<(list_to_bitstring(Bits0))/bitstring, Tail/bitstring>>),
    {Bin, avoid_utf32_crash(Ops)}.

%% OTP 25.2.3's JIT crashes (segfault) when a utf32 match fails and its
%% result register is the match context's, which the compiler picks when
%% nothing reads the context afterwards: a utf32 followed only by _/bitstring.
avoid_utf32_crash(Ops) ->
    case lists:reverse(Ops) of
        [{skip_all, 1}, {utf32, _} | _] -> lists:droplast(Ops) ++ [{binary_all, 1}];
        _ -> Ops
    end.

spoil(B) ->
    case rand:uniform(10) of
        1 when bit_size(B) > 0 -> <<B:(bit_size(B) - rand:uniform(min(bit_size(B), 9)))/bitstring>>;
        2 -> <<B/bitstring, (rand:uniform(255)):(rand:uniform(9))>>;
        3 when bit_size(B) > 0 ->
            P = rand:uniform(bit_size(B)) - 1,
            <<Pre:P/bitstring, Bit:1, Post/bitstring>> = B,
            <<Pre/bitstring, (1 - Bit):1, Post/bitstring>>;
        _ -> B
    end.

%% {Op, Bits}: an op and bits it can match.
random_op() ->
    case rand:uniform(10) of
        1 -> float_op();
        2 -> binary_op();
        3 -> skip_op();
        4 -> utf_op();
        5 -> string_op();
        _ -> integer_op()
    end.

op_mode() ->
    case rand:uniform(4) of
        1 -> lit;
        _ -> var
    end.

%% A size for Bits bits in units of U: sometimes a bad one (then the match
%% fails whatever the bits).
op_size_term(Bits, U) ->
    case rand:uniform(16) of
        1 -> {pick([-1, a, 1 bsl 64, 1.0, (1 bsl 59) - 1]), var};
        _ -> {Bits div U, op_mode()}
    end.

integer_op() ->
    U = pick([1, 1, 1, 2, 4, 8]),
    Bits = U * (pick([0, 1, 3, 8, 13, 16, 32, 59, 60, 61, 64, 65, 100, 128, 300]) div U),
    Flags = pick([[], [signed], [little], [little, signed], [native], [native, signed]]),
    {S, M} = op_size_term(Bits, U),
    {{integer, S, M, U, Flags}, random_bits(Bits)}.

float_op() ->
    {U, Size} = pick([{1, 64}, {1, 32}, {1, 16}, {8, 8}, {8, 4}, {16, 1}, {1, 0}, {1, 24}]),
    Bits = U * Size,
    Flags = pick([[], [little], [native]]),
    Enc = case {rand:uniform(4), Bits} of
              {1, _} -> random_bits(Bits);
              {2, 16} -> <<(pick([16#7C00, 16#FC00, 16#7E00, 16#7C01, 16#0001, 16#8000, 16#7BFF])):16>>;
              {2, 32} -> <<(pick([16#7F800000, 16#FF800000, 16#7FC00000, 16#00000001, 16#7F7FFFFF])):32>>;
              {2, 64} -> <<(pick([16#7FF0000000000000, 16#FFF8000000000000, 1, 16#7FEFFFFFFFFFFFFF])):64>>;
              {_, B} when B =:= 16; B =:= 32; B =:= 64 -> float_bits(B, Flags);
              _ -> random_bits(Bits)
          end,
    {S, M} = op_size_term(Bits, U),
    {{float, S, M, U, Flags}, Enc}.

float_bits(B, Flags) ->
    F = pick([1.5, -2.25, 0.0, 1.0e-5, 65504.0, 3.0e38, 1.0e-300, 123456.789]),
    case {B, Flags} of
        {16, []} -> <<(min(F, 65504.0)):16/float>>;
        {16, _} -> <<(min(F, 65504.0)):16/float-little>>;
        {32, []} -> <<(min(F, 3.0e38)):32/float>>;
        {32, _} -> <<(min(F, 3.0e38)):32/float-little>>;
        {64, []} -> <<F:64/float>>;
        {64, _} -> <<F:64/float-little>>
    end.

binary_op() ->
    U = pick([1, 8, 8, 3]),
    Bits = U * (pick([0, 1, 8, 16, 40, 512, 520, 600, 1000]) div U),
    {S, M} = op_size_term(Bits, U),
    {{binary, S, M, U}, random_bits(Bits)}.

skip_op() ->
    U = pick([1, 8]),
    Bits = U * (pick([0, 1, 5, 8, 64, 100]) div U),
    {S, M} = op_size_term(Bits, U),
    {{skip, S, M, U}, random_bits(Bits)}.

utf_op() ->
    case rand:uniform(3) of
        1 -> {{utf8}, utf_bits(utf8, [])};
        2 -> F = pick([[], [little], [native]]), {{utf16, F}, utf_bits(utf16, F)};
        3 -> F = pick([[], [little], [native]]), {{utf32, F}, utf_bits(utf32, F)}
    end.

utf_bits(T, F) ->
    case rand:uniform(5) of
        1 -> pick(bad_utf(T, F));
        _ ->
            C = random_code_point(),
            case {T, F} of
                {utf8, _} -> <<C/utf8>>;
                {utf16, []} -> <<C/utf16>>;
                {utf16, _} -> <<C/utf16-little>>;
                {utf32, []} -> <<C/utf32>>;
                {utf32, _} -> <<C/utf32-little>>
            end
    end.

bad_utf(utf8, _) ->
    [<<16#80>>, <<16#C0, 16#80>>, <<16#C1, 16#BF>>, <<16#E0, 16#80, 16#80>>, <<16#ED, 16#A0, 16#80>>,
     <<16#F0, 16#80, 16#80, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#F5, 16#80, 16#80, 16#80>>,
     <<16#FF>>, <<16#C3>>, <<16#E2, 16#82>>, <<16#C3, 16#28>>, <<16#E2, 16#28, 16#A1>>,
     <<16#F0, 16#90, 16#28, 16#BC>>, <<16#C3:7>>, <<16#7F:7>>];
bad_utf(utf16, F) ->
    W = fun(X) -> case F of [] -> <<X:16>>; _ -> <<X:16/little>> end end,
    [W(16#DC00), W(16#DFFF), W(16#D800), <<(W(16#D800))/binary, (W(16#0041))/binary>>,
     <<(W(16#DBFF))/binary, (W(16#E000))/binary>>, <<1:15>>];
bad_utf(utf32, F) ->
    W = fun(X) -> case F of [] -> <<X:32>>; _ -> <<X:32/little>> end end,
    [W(16#D800), W(16#DFFF), W(16#110000), W(16#FFFFFFFF), <<1:31>>].

string_op() ->
    Bytes = list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(5) - 1)]),
    {{string, Bytes}, Bytes}.

fixed_matches() ->
    All = fun(U) -> {binary_all, U} end,
    [{<<>>, []}, {<<1>>, []}, {<<>>, [All(8)]}, {<<1:1>>, [All(8)]}, {<<1:1>>, [All(1)]},
     {<<1, 2, 3>>, [{integer, 0, var, 1, []}, All(8)]},
     {<<1, 2, 3>>, [{float, 0, var, 1, []}, All(8)]},
     {<<16#FF, 16#FF>>, [{integer, 16, var, 1, [signed]}]},
     {<<16#FF, 16#FE>>, [{integer, 16, var, 1, [signed, little]}]},
     {<<16#80, 0, 0, 0, 0, 0, 0, 0>>, [{integer, 64, var, 1, [signed]}]},
     {<<16#7F, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF>>, [{integer, 64, var, 1, []}]},
     {<<16#08, 0, 0, 0, 0, 0, 0, 0>>, [{integer, 60, var, 1, [signed]}, {skip, 4, var, 1}]},
     {<<16#F8, 0, 0, 0, 0, 0, 0, 0>>, [{integer, 60, var, 1, [signed]}, {skip, 4, var, 1}]},
     {<<16#F7, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF>>, [{integer, 60, var, 1, [signed]}, {skip, 4, var, 1}]},
     {<<(-(1 bsl 200)):201/signed>>, [{integer, 201, var, 1, [signed]}]},
     {<<(-(1 bsl 200) + 7):203/signed-little>>, [{integer, 203, var, 1, [signed, little]}]},
     {<<(1 bsl 200):216/little>>, [{integer, 27, var, 8, [little]}]},
     {<<0:7, 1:1, 0:520>>, [{skip, 7, var, 1}, {binary, 65, var, 8}]},
     {<<0:3, 1:8, 2:8, 3:8>>, [{skip, 3, var, 1}, {string, <<1, 2, 3>>}]},
     {<<0:3, 1:8, 2:8, 3:8>>, [{skip, 3, var, 1}, {string, <<1, 2, 4>>}]}].

%% ---- random values ----

pick(L) -> lists:nth(rand:uniform(length(L)), L).

random_bits(0) -> <<>>;
random_bits(N) ->
    Bytes = crypto_free_bytes((N + 7) div 8),
    <<B:N/bitstring, _/bitstring>> = Bytes,
    B.

crypto_free_bytes(N) -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)]).

random_integer() ->
    case rand:uniform(8) of
        1 -> rand:uniform(601) - 301;
        2 -> pick([0, -1, 1, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 59, (1 bsl 64) - 1, -(1 bsl 64),
                   1 bsl 63, -(1 bsl 63) - 1]);
        _ ->
            K = rand:uniform(pick([8, 16, 64, 70, 200, 1100])),
            V = rand:uniform(1 bsl K) - 1,
            case rand:uniform(2) of 1 -> V; 2 -> -V end
    end.

random_float_value() ->
    case rand:uniform(6) of
        1 -> random_integer();
        2 -> pick(half_edges());
        3 -> pick([0.0, -0.0, 1.0, -2.5, 3.4028235e38, 3.5e38, 1.0e39, 1.0e308, 5.0e-324, 1.0e-40,
                   1 bsl 1100, 1 bsl 127]);
        _ -> random_double()
    end.

random_double() ->
    E = pick([rand:uniform(2046), 1023 - 30 + rand:uniform(50), 1023 - 150 + rand:uniform(300)]),
    <<F:64/float>> = <<(rand:uniform(2) - 1):1, E:11, (rand:uniform(1 bsl 52) - 1):52>>,
    F.

random_code_point() ->
    case rand:uniform(5) of
        1 -> rand:uniform(16#80) - 1;
        2 -> 16#7F + rand:uniform(16#800 - 16#80);
        3 -> pick([16#800 + rand:uniform(16#D800 - 16#800) - 1, 16#DFFF + rand:uniform(16#2000)]);
        4 -> 16#FFFF + rand:uniform(16#100000);
        5 -> pick([0, 16#7F, 16#80, 16#7FF, 16#800, 16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#10FFFF])
    end.
