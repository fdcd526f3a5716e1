%% Oracle data for the portable hashes erlang:phash2/1,2 and erlang:phash/2.
%%
%% Writes phash_vectors.txt into the output directory, one term per line,
%% six space-separated fields:
%%   1. hex of term_to_binary(T)
%%   2. erlang:phash2(T)
%%   3. erlang:phash2(T, 1000)
%%   4. erlang:phash2(T, 1 bsl 32)   (the whole 32-bit hash)
%%   5. erlang:phash(T, 1 bsl 32)    (the whole 32-bit hash plus one)
%%   6. erlang:phash(T, 7)
%% The terms cover every type: integers around every size boundary and
%% bignums, floats (both zeros), atoms (Latin-1 and other UTF-8), strings,
%% improper and long lists, deep nesting, tuples, binaries and bitstrings of
%% many lengths, maps of 0 to 100 keys of mixed types, local and external
%% pids, ports and refs, local funs with and without free variables, and
%% external funs.
-module(phash_vectors).
-export([main/1]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main(Dir) ->
    rand:seed(exsss, {25, 11, 1}),
    Lines = [line(T) || T <- corpus()],
    ok = file:write_file(filename:join(Dir, "phash_vectors.txt"), Lines).

line(T) ->
    Fields = [hex(term_to_binary(T)),
              integer_to_list(erlang:phash2(T)),
              integer_to_list(erlang:phash2(T, 1000)),
              integer_to_list(erlang:phash2(T, 1 bsl 32)),
              integer_to_list(erlang:phash(T, 1 bsl 32)),
              integer_to_list(erlang:phash(T, 7))],
    [lists:join($\s, Fields), $\n].

hex(Bin) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= Bin].

corpus() ->
    integers() ++ floats() ++ atoms() ++ lists() ++ tuples() ++ bitstrings() ++
        maps() ++ idents() ++ funs() ++ nested().

integers() ->
    Bounds = [0, 1, 2, 255, 256, 65535, 65536, (1 bsl 27) - 1, 1 bsl 27,
              (1 bsl 28) - 1, 1 bsl 28, (1 bsl 31) - 1, 1 bsl 31, (1 bsl 32) - 1,
              1 bsl 32, (1 bsl 59) - 1, 1 bsl 59, (1 bsl 60) - 1, 1 bsl 60,
              (1 bsl 63) - 1, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 64, (1 bsl 64) + 1,
              (1 bsl 96) + 12345, 1 bsl 127, (1 bsl 128) - 1, 1 bsl 128,
              1 bsl 1000, 1 bsl 2047],
    Randoms = [rand:uniform(1 bsl B) || B <- [5, 20, 30, 40, 50, 58, 62, 70, 100,
                                               150, 200, 300, 500, 1000, 3000]],
    Ints = Bounds ++ Randoms,
    Ints ++ [-I || I <- Ints, I =/= 0].

floats() ->
    Fs = [0.0, 1.0, 0.1, 1.5, 2.5, 100.0, 1.0e10, 1.0e300, 1.0e-300, 5.0e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740992.0,
          123456789.125, math:pi(), 1/3],
    NegZero = binary_to_term(<<131, 70, 128, 0, 0, 0, 0, 0, 0, 0>>),
    Fs ++ [-F || F <- Fs, F =/= 0.0] ++ [NegZero, [NegZero], {0.0, NegZero}].

atoms() ->
    [a, ok, hello, '', 'Hello World', true, false, nonode@nohost, 'a@b',
     '_x', 'A', 'aB_9', 'fun', 'and', '\'', '\\', 'a\nb', '\x01', '\x7f',
     'é', 'Ω', '日本語', 'a\x{80}b', '\x{ff}', '\x{100}', 'ÿé€𝄞',
     list_to_atom(lists:duplicate(255, $x)),
     list_to_atom(lists:duplicate(255, $é)),
     list_to_atom(lists:duplicate(100, 16#1F600)),
     list_to_atom([C || C <- lists:seq(33, 126), C =/= $']),
     list_to_atom(lists:seq(160, 255))].

lists() ->
    Strings = [lists:sublist("abcdefghijklm", N) || N <- lists:seq(1, 13)],
    Strings ++
        [[], [1], [0], [255], [256], [-1], [1 bsl 40], [a], [[]], [1, a, 2],
         [1, 2, 3 | 4], [$a | b], [$a, $b | <<"c">>], ["ab" | "c"], ["a", "b"],
         [1, [2, [3, [4]]]], "a\"b\\c\n", [16#1F600, 300, 65], [0, 255, 256, 255],
         [1.0, 2.0], [<<"x">>, <<>>], lists:seq(1, 1000), lists:seq(200, 300),
         lists:seq(1, 100000), lists:duplicate(50000, $z),
         [rand:uniform(300) || _ <- lists:seq(1, 200)],
         lists:seq(1, 10) ++ [a | b]].

tuples() ->
    [{}, {a}, {1, 2}, {a, b, c}, {[], []}, {{}}, {1, {2, {3}}},
     list_to_tuple(lists:seq(1, 100)), list_to_tuple(lists:seq(1, 5000)),
     {<<"bin">>, "str", atom, 1.5, -7}].

bitstrings() ->
    Bins = [list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)])
            || N <- lists:seq(0, 40) ++ [63, 64, 65, 100, 1000, 4097]],
    Bits = [<<(rand:uniform(1 bsl (8 * Bytes + Tail)) - 1):(8 * Bytes + Tail)>>
            || Bytes <- [0, 1, 2, 3, 11, 12, 13, 30], Tail <- lists:seq(1, 7)],
    Bins ++ Bits ++ [<<"hello">>, <<0:3>>, <<255:8, 1:1>>, [<<1:1>>, <<2:2>>],
                     {<<>>, <<1,2,3>>}].

maps() ->
    Small = [#{}, #{a => 1}, #{1 => a}, #{a => 1, b => 2}, #{[] => []},
             #{0.0 => zero}, #{"k" => "v", <<"k">> => <<"v">>},
             #{#{a => 1} => #{b => 2}}, #{{1, 2} => [3, 4]}],
    Sized = [make_map(N) || N <- lists:seq(1, 40) ++ [50, 64, 65, 80, 100]],
    Ints = [maps:from_list([{I, I * I} || I <- lists:seq(1, N)])
            || N <- [31, 32, 33, 34, 100]],
    Small ++ Sized ++ Ints ++ [[#{a => 1}, #{b => 2}], {#{}, #{x => #{y => #{}}}}].

make_map(N) -> maps:from_list([{key(), value()} || _ <- lists:seq(1, N)]).

key() ->
    case rand:uniform(8) of
        1 -> rand:uniform(1000);
        2 -> list_to_atom("k" ++ integer_to_list(rand:uniform(1000)));
        3 -> integer_to_binary(rand:uniform(1000));
        4 -> {rand:uniform(10), rand:uniform(10)};
        5 -> [rand:uniform(300) || _ <- lists:seq(1, rand:uniform(5))];
        6 -> rand:uniform(100) / 8;
        7 -> -rand:uniform(1 bsl 80);
        8 -> <<(rand:uniform(255)):(rand:uniform(12))>>
    end.

value() ->
    case rand:uniform(5) of
        1 -> rand:uniform(1000);
        2 -> [rand:uniform(9)];
        3 -> {v, rand:uniform(9)};
        4 -> <<(rand:uniform(255))>>;
        5 -> #{rand:uniform(3) => ok}
    end.

idents() ->
    Pids = [list_to_pid("<0." ++ integer_to_list(N) ++ "." ++ integer_to_list(S) ++ ">")
            || {N, S} <- [{0, 0}, {1, 0}, {80, 2}, {32767, 0}, {12345, 8191}, {7, 1}]],
    Ports = [list_to_port("#Port<0." ++ integer_to_list(N) ++ ">")
             || N <- [0, 1, 5, 4095, 100000, (1 bsl 28) - 1]],
    Refs = [make_ref(), make_ref(), list_to_ref("#Ref<0.1.2.3>"),
            list_to_ref("#Ref<0.3000000000.2147483648.262143>")],
    Node = <<119, 7, "foo@bar">>,
    ExtPids = [binary_to_term(<<131, 88, Node/binary, N:32, S:32, C:32>>)
               || {N, S, C} <- [{1, 2, 3}, {32767, 8191, 1}, {70000, 9, 2}, {16#ffffffff, 0, 5}]],
    ExtPorts = [binary_to_term(<<131, 89, Node/binary, 42:32, 7:32>>),
                binary_to_term(<<131, 120, Node/binary, 16#123456789a:64, 7:32>>),
                binary_to_term(<<131, 120, Node/binary, 16#ffffffffffffffff:64, 1:32>>)],
    ExtRefs = [binary_to_term(<<131, 90, Len:16, Node/binary, 9:32, Ids/binary>>)
               || {Len, Ids} <- [{1, <<5:32>>}, {3, <<1:32, 2:32, 3:32>>},
                                 {5, <<16#ffffffff:32, 2:32, 3:32, 4:32, 5:32>>}]],
    Pids ++ Ports ++ Refs ++ ExtPids ++ ExtPorts ++ ExtRefs ++ [{self(), hd(Ports)}].

funs() ->
    A = 17,
    B = {x, [1, 2]},
    C = <<"bin">>,
    [fun() -> ok end, fun(X) -> X + 1 end, fun(X, Y) -> {X, Y} end,
     fun() -> A end, fun() -> {A, B} end, fun(Z) -> {A, B, C, Z} end,
     fun() -> lists:seq(1, A) end,
     fun lists:map/2, fun erlang:'+'/2, fun erlang:self/0,
     erlang:make_fun('no_such_module', 'f', 3), erlang:make_fun('Ω', 'é', 0),
     [fun() -> A end, fun lists:reverse/1]].

nested() ->
    Deep = lists:foldl(fun(_, Acc) -> [Acc] end, [], lists:seq(1, 100000)),
    DeepT = lists:foldl(fun(I, Acc) -> {I, Acc} end, {}, lists:seq(1, 100000)),
    DeepM = lists:foldl(fun(I, Acc) -> #{I => Acc} end, #{}, lists:seq(1, 2000)),
    [Deep, DeepT, DeepM,
     {a, [1, 2], <<3>>, #{k => v}, 1.5, "str", -(1 bsl 70)},
     [{K, V} || K <- [a, b, c], V <- [1, 2]]].
