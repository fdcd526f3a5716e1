%% Oracle data for map iteration order.
%%
%% Writes map_order.maps into the output directory, one map per line, five
%% space-separated fields:
%%   1. hex of term_to_binary(maps:to_list(M))
%%   2. hex of term_to_binary of M's pairs in maps:iterator/maps:next order
%%   3. hex of term_to_binary(M)
%%   4. 1 when term_to_binary(M) writes the pairs in maps:to_list order, else 0
%%   5. hex of the UTF-8 of io_lib:format("~w", [M])
%% The maps have 1 to 200 keys of mixed types. Atom keys appear only in maps
%% of at most 32 keys: above that, where a key goes depends on its hash, and
%% OTP hashes an atom by its index in OTP's own atom table.
-module(map_order).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 2, 3}),
    Maps = [make_map(N, Kind) || N <- lists:seq(1, 200), Kind <- kinds(N)],
    Lines = [line(M) || M <- Maps],
    ok = file:write_file(filename:join(Dir, "map_order.maps"), Lines).

kinds(N) when N rem 10 =:= 0 -> [ints, mixed, floats];
kinds(_) -> [mixed].

line(M) ->
    ToList = maps:to_list(M),
    IterList = iter_list(maps:next(maps:iterator(M))),
    Etf = term_to_binary(M),
    Expected = iolist_to_binary(
                 [<<131, 116, (map_size(M)):32>> |
                  [[strip(term_to_binary(K)), strip(term_to_binary(V))] || {K, V} <- ToList]]),
    [hex(term_to_binary(ToList)), $\s, hex(term_to_binary(IterList)), $\s, hex(Etf), $\s,
     integer_to_list(case Etf =:= Expected of true -> 1; false -> 0 end), $\s,
     hex(unicode:characters_to_binary(io_lib:format("~w", [M]))), $\n].

strip(<<131, Rest/binary>>) -> Rest.

iter_list({K, V, I}) -> [{K, V} | iter_list(maps:next(I))];
iter_list(none) -> [].

hex(Bin) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= Bin].

make_map(N, Kind) ->
    Keys = unique_keys(N, Kind, #{}),
    maps:from_list([{K, value()} || K <- Keys]).

unique_keys(N, Kind, Acc) when map_size(Acc) < N ->
    unique_keys(N, Kind, Acc#{key(Kind, N) => true});
unique_keys(_, _, Acc) ->
    maps:keys(Acc).

key(ints, _) -> rand:uniform(1000) - 500;
key(floats, _) -> rand:uniform(1000) / 8;
key(mixed, N) ->
    case rand:uniform(if N =< 32 -> 13; true -> 12 end) of
        1 -> rand:uniform(100);
        2 -> -rand:uniform(1 bsl 70);
        3 -> rand:uniform(100) / 4;
        4 -> integer_to_binary(rand:uniform(1000));
        5 -> {rand:uniform(10), rand:uniform(10)};
        6 -> [rand:uniform(300) || _ <- lists:seq(1, rand:uniform(6))];
        7 -> <<(rand:uniform(255)):(rand:uniform(12))>>;
        8 -> list_to_pid("<0." ++ integer_to_list(rand:uniform(5000)) ++ "." ++
                             integer_to_list(rand:uniform(5)) ++ ">");
        9 -> make_ref();
        10 -> #{rand:uniform(5) => rand:uniform(5)};
        11 -> 1 bsl (60 + rand:uniform(100));
        12 -> {rand:uniform(3), [rand:uniform(3) | rand:uniform(3)], <<>>};
        13 -> list_to_atom("k" ++ integer_to_list(rand:uniform(1000)))
    end.

value() ->
    case rand:uniform(4) of
        1 -> rand:uniform(1000);
        2 -> [rand:uniform(9)];
        3 -> {v, rand:uniform(9)};
        4 -> <<(rand:uniform(255))>>
    end.
