%% Oracle data for term order, equality, hashing and ~w printing.
%%
%% Writes into the output directory:
%%   term_order.terms   one term per line: hex of term_to_binary(T)
%%   term_order.cmp     line I, character J: $0 + (4 if Ti < Tj) + (2 if
%%                      Ti == Tj) + (1 if Ti =:= Tj)
%%   term_order.sort    the corpus indexes in lists:keysort order (stable,
%%                      by ==-order)
%%   term_order.exact   lines of indexes: maps:values of a map from up to 32
%%                      corpus terms (as keys) to their indexes, i.e. those
%%                      terms in map key order, =:= duplicates collapsed
%%                      (the last one wins)
%%   term_order.print   per term: hex of the UTF-8 of io_lib:format("~w"),
%%                      then a flag: 2 when the term holds a map of over 32
%%                      keys whose hashes depend on OTP's atom indexes (its
%%                      print order can differ), else 1 when it holds an
%%                      external pid, port or ref (whose printed channel
%%                      number is OTP's own), else 0
%%   term_order.hash    per term: erts_debug's internal_hash of it, then 1
%%                      when the hash is portable (no atom, external
%%                      identity or fun inside, as those hash OTP-internal
%%                      indexes or pointers), else 0
%%   term_order.floats  per double: hex of its 64 bits, then
%%                      float_to_list(F, [short]), then ~w of it
-module(term_order).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {17, 4, 1999}),
    Corpus = corpus(),
    N = length(Corpus),
    Indexed = lists:zip(lists:seq(0, N - 1), Corpus),
    write(Dir, "term_order.terms",
          [[hex(term_to_binary(T)), $\n] || T <- Corpus]),
    write(Dir, "term_order.cmp",
          [[[$0 + b(A < B) * 4 + b(A == B) * 2 + b(A =:= B) || B <- Corpus], $\n]
           || A <- Corpus]),
    Sorted = lists:keysort(2, Indexed),
    write(Dir, "term_order.sort",
          [lists:join(" ", [integer_to_list(I) || {I, _} <- Sorted]), $\n]),
    write(Dir, "term_order.exact", exact_lines(Indexed, N)),
    write(Dir, "term_order.print",
          [[hex(unicode:characters_to_binary(io_lib:format("~w", [T]))), $\s,
            integer_to_list(print_flag(T)), $\n] || T <- Corpus]),
    %% erts_debug's internal_hash; enabling it logs a warning we do not want
    logger:set_primary_config(level, error),
    erts_debug:set_internal_state(available_internal_state, true),
    write(Dir, "term_order.hash",
          [[integer_to_list(erts_debug:get_internal_state({internal_hash, T})), $\s,
            integer_to_list(b(portable_hash(T))), $\n] || T <- Corpus]),
    write(Dir, "term_order.floats",
          [[hex(<<F/float>>), $\s, float_to_list(F, [short]), $\s,
            io_lib:format("~w", [F]), $\n] || F <- floats()]),
    ok.

b(true) -> 1;
b(false) -> 0.

write(Dir, Name, Data) ->
    ok = file:write_file(filename:join(Dir, Name), Data).

hex(Bin) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= Bin].

%% Random subsets of at most 32 terms, in map key order.
exact_lines(Indexed, N) ->
    Arr = list_to_tuple(Indexed),
    [begin
         K = 1 + rand:uniform(31),
         Pairs = [element(rand:uniform(N), Arr) || _ <- lists:seq(1, K)],
         M = maps:from_list([{T, I} || {I, T} <- Pairs]),
         [lists:join(" ", [integer_to_list(I) || I <- maps:values(M)]), $\n]
     end || _ <- lists:seq(1, 400)].

print_flag(T) ->
    case {atom_ordered_map(T), has_external(T)} of
        {true, _} -> 2;
        {false, true} -> 1;
        {false, false} -> 0
    end.

atom_ordered_map(T) when is_map(T) ->
    (map_size(T) > 32 andalso not portable_hash(maps:keys(T)))
        orelse atom_ordered_map(maps:to_list(T));
atom_ordered_map([H | T]) -> atom_ordered_map(H) orelse atom_ordered_map(T);
atom_ordered_map(T) when is_tuple(T) -> atom_ordered_map(tuple_to_list(T));
atom_ordered_map(_) -> false.

has_external(T) when is_pid(T); is_port(T); is_reference(T) -> node(T) =/= node();
has_external(T) when is_list(T) -> has_external_list(T);
has_external(T) when is_tuple(T) -> has_external(tuple_to_list(T));
has_external(T) when is_map(T) -> has_external(maps:to_list(T));
has_external(_) -> false.

has_external_list([H | T]) -> has_external(H) orelse has_external_list(T);
has_external_list([]) -> false;
has_external_list(T) -> has_external(T).

portable_hash(T) when is_atom(T); is_function(T) -> false;
portable_hash(T) when is_pid(T); is_port(T); is_reference(T) -> node(T) =:= node();
portable_hash(T) when is_list(T) -> portable_list(T);
portable_hash(T) when is_tuple(T) -> portable_hash(tuple_to_list(T));
portable_hash(T) when is_map(T) -> portable_hash(maps:to_list(T));
portable_hash(_) -> true.

portable_list([H | T]) -> portable_hash(H) andalso portable_list(T);
portable_list([]) -> true;
portable_list(T) -> portable_hash(T).

%% ---- the corpus ----

corpus() ->
    Base = numbers() ++ atoms() ++ identities() ++ funs() ++ tuples() ++ lists()
        ++ maps() ++ bitstrings(),
    %% a few random compositions of the above
    Arr = list_to_tuple(Base),
    Pick = fun() -> element(rand:uniform(tuple_size(Arr)), Arr) end,
    Composed = [case rand:uniform(4) of
                    1 -> {Pick(), Pick()};
                    2 -> [Pick(), Pick() | Pick()];
                    3 -> #{Pick() => Pick(), Pick() => Pick()};
                    4 -> {Pick(), [Pick()], #{Pick() => Pick()}}
                end || _ <- lists:seq(1, 40)],
    Base ++ Composed.

numbers() ->
    P = fun(E) -> 1 bsl E end,
    Ints = [0, 1, -1, 2, 42, -42, 255, 256, 1000000,
            P(27) - 1, P(27), -P(27), P(31), P(32), -P(32),
            P(59) - 1, -P(59), P(59), -P(59) - 1, P(60), -P(60),
            P(63) - 1, P(63), -P(63), P(64) - 1, P(64), -P(64), P(64) + 1,
            P(53), P(53) + 1, P(53) - 1, -P(53) - 1, P(54) + 2,
            P(100), -P(100), P(127) + 12345, P(128), 12345678901234567890123456789,
            -12345678901234567890123456789, P(1023), P(1023) + 1, P(1024), -P(1024),
            P(1023) - P(970), P(1100), -P(1100), P(2000) + 7],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 42.0, 0.1, 1.0e-300, -1.0e-300,
              5.0e-324, -5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              -1.7976931348623157e308, 1.0e300, 1.0e15, 1.0e16, 123.456,
              float(P(53)), float(P(53) + 2), float(P(53)) - 1.0, -float(P(53)),
              float(P(59)), -float(P(59)), float(P(60)), float(P(63)), -float(P(63)),
              float(P(64)), -float(P(64)), float(P(100)), float(P(1023)),
              float(P(1023) - P(970)), -float(P(1023)), 3.0e20, 1.5, 255.0, 256.0],
    Ints ++ Floats.

atoms() ->
    ['', a, b, ok, hello, 'Hello', 'hello world', 'if', 'receive', 'maybe', 'else',
     'andalso', 'é', 'éa', 'aé', 'Élan', 'ß', 'ÿ', 'À', 'a×', '÷', 'a÷',
     'Ω', 'aΩ', '日本', 'a@b', 'a.b', '_x', '9a', a9, 'aZ_0@',
     'quote\'s', 'back\\slash', 'a\nb', '\t', list_to_atom("\x01x"),
     list_to_atom([127]), list_to_atom([128]), list_to_atom([159]), list_to_atom([160]),
     list_to_atom([255]), list_to_atom([256]), list_to_atom([16#10FFFF]),
     list_to_atom([27, $e]), list_to_atom([8, 11, 12, 13]), nonode@nohost,
     list_to_atom(lists:duplicate(255, $z)), 'z', 'zz', 'true', 'false', 'undefined'].

identities() ->
    Self = self(),
    Local = [Self, list_to_pid("<0.0.0>"), list_to_pid("<0.77.3>"),
             list_to_pid("<0.32767.8191>"), list_to_pid("<0.1.1>"),
             list_to_pid("<0.2.0>"), list_to_pid("<0.0.1>")],
    Ports = [list_to_port("#Port<0.0>"), list_to_port("#Port<0.5>"),
             list_to_port("#Port<0.65537>"), list_to_port("#Port<0.268435455>")],
    Refs = [make_ref(), make_ref(), make_ref(),
            list_to_ref("#Ref<0.1.2.3>"), list_to_ref("#Ref<0.3.2.1>"),
            list_to_ref("#Ref<0.0.0.1>"), list_to_ref("#Ref<0.4294967295.0.0>")],
    Ext = [ext_pid('a@host', 1, 5, 0), ext_pid('a@host', 2, 5, 0),
           ext_pid('b@host', 1, 0, 9), ext_pid('A@host', 3, 77, 3),
           ext_port('a@host', 1, 7), ext_port('a@host', 2, 7), ext_port('b@host', 1, 1),
           ext_ref('a@host', 1, [1, 2, 3]), ext_ref('a@host', 1, [3, 2, 1]),
           ext_ref('a@host', 2, [1, 2, 3]), ext_ref('c@host', 1, [1, 2, 3, 0, 0]),
           ext_ref('c@host', 1, [1, 2, 3]), ext_ref('c@host', 1, [1, 2, 3, 4, 0]),
           ext_ref('c@host', 1, [1])],
    Local ++ Ports ++ Refs ++ Ext.

%% NEW_PID_EXT, V4_PORT_EXT, NEWER_REFERENCE_EXT with a UTF-8 node atom
node_ext(Node) ->
    Bin = atom_to_binary(Node, utf8),
    <<119, (byte_size(Bin)), Bin/binary>>.

ext_pid(Node, Cr, Num, Ser) ->
    binary_to_term(<<131, 88, (node_ext(Node))/binary, Num:32, Ser:32, Cr:32>>).

ext_port(Node, Cr, Id) ->
    binary_to_term(<<131, 120, (node_ext(Node))/binary, Id:64, Cr:32>>).

ext_ref(Node, Cr, Ids) ->
    binary_to_term(<<131, 90, (length(Ids)):16, (node_ext(Node))/binary, Cr:32,
                     << <<I:32>> || I <- Ids >>/binary>>).

funs() ->
    X = 42,
    Y = {a, 1.5},
    [fun() -> ok end, fun(A) -> A end, fun() -> X end, fun() -> Y end,
     fun() -> {X, Y} end, fun(A, B) -> {A, B, X} end,
     fun lists:map/2, fun lists:map/3, fun lists:filter/2, fun erlang:abs/1,
     fun 'Élan':'ñ'/1, erlang:make_fun('a b', 'if', 0), erlang:make_fun(a, 'B', 2),
     erlang:make_fun('ok\x01', f, 0), erlang:make_fun('日本', f, 0),
     erlang:make_fun(list_to_atom([128, $a]), f, 1), erlang:make_fun(a, 'x\ny', 1),
     erlang:make_fun(a, 'x@y', 1), erlang:make_fun(a, 'x\'y', 1)].

tuples() ->
    [{}, {1}, {1.0}, {a}, {1, 2}, {1, 2.0}, {2, 1}, {a, b, c}, {{}}, {{1}, 2},
     {[], []}, {#{}, <<>>}, list_to_tuple(lists:seq(1, 300)),
     list_to_tuple(lists:seq(1, 299) ++ [300.0]), deep_tuple(200)].

deep_tuple(0) -> leaf;
deep_tuple(N) -> {N, deep_tuple(N - 1)}.

lists() ->
    [[], [1], [1.0], [1, 2], [1, 2.0], [2], [a], [a, b], "abc", "abd", "ab", [$a, 98.0, $c],
     [a | b], [1 | 2], [1 | 2.0], [[]], [[], []], [[1]], lists:seq(1, 1000),
     lists:seq(1, 999) ++ [1000.0], lists:seq(1, 1001), deep_list(300),
     [<<"x">>], "ünïcödé", [256, 1000, 70000], lists:seq(0, 255),
     [{a, 1}, {b, 2}], [1 | {x}], [x | #{}], [x | <<1>>]].

deep_list(0) -> [];
deep_list(N) -> [deep_list(N - 1)].

maps() ->
    Big = fun(N, F) -> maps:from_list([{F(I), I} || I <- lists:seq(1, N)]) end,
    [#{}, #{a => 1}, #{a => 1.0}, #{a => 2}, #{b => 1}, #{1 => a}, #{1.0 => a},
     #{2 => 1, 1.0 => 2, 1 => 3}, #{a => 1, b => 2}, #{a => 1, c => 2},
     #{a => 2, b => 1}, #{1 => 1, 2 => 2}, #{1 => 1, 2.0 => 2},
     #{{1} => x, [1] => y, <<1>> => z, -1 => w, 0.0 => v},
     #{0.0 => a}, #{-0.0 => a},
     Big(32, fun(I) -> I end), Big(33, fun(I) -> I end), Big(40, fun(I) -> I end),
     Big(40, fun(I) -> I * 2 end), Big(40, fun(I) -> float(I) end),
     maps:put(40, x, Big(40, fun(I) -> I end)), maps:put(41, 41, Big(40, fun(I) -> I end)),
     maps:put(1, 1.0, Big(40, fun(I) -> I end)),
     Big(50, fun(I) -> {I, <<I>>} end), Big(45, fun(I) -> [I, -I] end),
     Big(100, fun(I) -> I * 1.5 end), Big(60, fun(I) -> integer_to_binary(I) end),
     Big(40, fun(I) -> list_to_atom("k" ++ integer_to_list(I)) end),
     maps:from_list([{I, #{I => I}} || I <- lists:seq(1, 35)])].

bitstrings() ->
    [<<>>, <<0>>, <<1>>, <<1, 2, 3>>, <<1, 2>>, <<1, 2, 3, 4>>, <<255>>, <<"abc">>,
     <<0:1>>, <<1:1>>, <<1:3>>, <<5:3>>, <<1, 2:4>>, <<1, 2, 3:5>>, <<1, 255:7>>,
     <<1:7>>, <<2:8>>, list_to_binary(lists:seq(0, 99)),
     list_to_binary(lists:seq(0, 99) ++ [0]), <<(list_to_binary(lists:seq(0, 99)))/binary, 1:1>>,
     <<"hello world this is a longer binary that goes past sixty-four bytes!!">>,
     <<0:63>>, <<0:64>>, <<0:65>>].

%% ---- doubles for the shortest-form test ----

floats() ->
    Special = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1.0e23, 1.0e22, 9.007199254740993e15,
               5.0e-324, 1.0e-323, 2.2250738585072009e-308, 2.2250738585072014e-308,
               1.7976931348623157e308, 4.35, 0.001, 0.0001, 0.00001, 1.0e-5, 123456.0,
               1.0e15, 1.0e16, 1.0e17, 1.0e18, 1.0e19, 1.0e20, 1.0e21, 12340.0,
               1234567890.0, 12345678900.0, 123456789012.0, 3.141592653589793,
               2.718281828459045, 1.2345678901234567e-300, 1.0e100, 9.999999999999999e22,
               1.5e300, 2.5, 0.5, 100.0, 1000.0, 999.0, 99.5, 0.015625, 1.1, 2.9e-8],
    Pow2 = [math:pow(2, E) || E <- lists:seq(-1074, 1023, 7)]
        ++ [float(1 bsl E) + float(1 bsl (E - 52)) || E <- lists:seq(52, 70)],
    Ints = [float(rand:uniform(1 bsl 62)) || _ <- lists:seq(1, 200)]
        ++ [float(rand:uniform(100000)) * math:pow(10, rand:uniform(40) - 20)
            || _ <- lists:seq(1, 300)],
    Random = [random_double() || _ <- lists:seq(1, 3000)],
    Special ++ [-F || F <- Special] ++ Pow2 ++ Ints ++ Random.

random_double() ->
    <<S:1, E:11, M:52>> = <<(rand:uniform(1 bsl 64) - 1):64>>,
    case E of
        2047 -> random_double();
        _ -> <<F/float>> = <<S:1, E:11, M:52>>, F
    end.
