%% Oracle data for erlang:display/1.
%%
%% erlang:display/1 writes straight to the emulator's standard output, so
%% main/1 writes the terms to display_text.terms and runs a second emulator
%% (show/1) that reads them back and displays each, between two marker
%% atoms; main/1 captures that output and writes display_text.txt, one term
%% per line, two space-separated fields:
%%   1. hex of term_to_binary(T)
%%   2. hex of the bytes erlang:display(T) printed, without the line end
%% The emulator ends each display with "\r\n" here; display escapes every
%% newline inside a term, so the lines split cleanly.
%%
%% Left out: external pids, ports and refs (display prints OTP's atom index
%% of the node name), and maps of over 32 keys holding atoms (display shows
%% the HAMT's shape, which for atom keys depends on OTP's atom indexes).
-module(display_text).
-export([main/1, show/1]).

main(Dir) ->
    rand:seed(exsss, {25, 2, 3}),
    Terms = corpus(),
    TermsFile = filename:join(Dir, "display_text.terms"),
    ok = file:write_file(TermsFile, term_to_binary(Terms)),
    Erl = filename:join([code:root_dir(), "bin", "erl"]),
    Cmd = Erl ++ " -noshell -pa " ++ Dir ++ " -eval 'display_text:show(\"" ++ TermsFile ++
        "\")' -s init stop",
    Out = list_to_binary(os:cmd(Cmd)),
    Texts = split(Out),
    length(Texts) =:= length(Terms) orelse
        error({display_output_mismatch, length(Texts), length(Terms), Out}),
    Lines = [[hex(term_to_binary(T)), $\s, hex(X), $\n] || {T, X} <- lists:zip(Terms, Texts)],
    ok = file:write_file(filename:join(Dir, "display_text.txt"), Lines).

show(File) ->
    {ok, Bin} = file:read_file(File),
    erlang:display(kbeam_display_begin),
    [erlang:display(T) || T <- binary_to_term(Bin)],
    erlang:display(kbeam_display_end).

%% The displays between the markers, each without its "\r\n".
split(Out) ->
    [<<"kbeam_display_begin\r">> | Rest] = binary:split(Out, <<"\n">>, [global]),
    {Texts, [<<"kbeam_display_end\r">> | _]} =
        lists:splitwith(fun(L) -> L =/= <<"kbeam_display_end\r">> end, Rest),
    [binary:part(L, 0, byte_size(L) - 1) || L <- Texts].

hex(Bin) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= Bin].

corpus() ->
    integers() ++ floats() ++ atoms() ++ lists() ++ tuples() ++ bitstrings() ++
        maps() ++ idents() ++ funs() ++ nested().

integers() ->
    Is = [0, 1, 9, 10, 255, (1 bsl 27) - 1, 1 bsl 31, (1 bsl 59) - 1, 1 bsl 59,
          1 bsl 60, 1 bsl 64, 123456789012345678901234567890, 1 bsl 1000] ++
        [rand:uniform(1 bsl B) || B <- [40, 70, 130, 500, 3000]],
    Is ++ [-I || I <- Is, I =/= 0].

floats() ->
    Fs = [0.0, 1.0, 1.5, 0.1, 2.5, 100.0, 12345.678, 1.0e10, 1.0e100, 1.0e300,
          1.0e-300, 5.0e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          9.9999995e-5, 9.9999996e-5, 0.5e-6, 123456789.125, math:pi(), 1/3],
    NegZero = binary_to_term(<<131, 70, 128, 0, 0, 0, 0, 0, 0, 0>>),
    Fs ++ [-F || F <- Fs, F =/= 0.0] ++ [NegZero].

atoms() ->
    [a, ok, hello, 'Hello', '', 'hello world', '_x', 'a@b', aB_9, a9, '9a', 'fun',
     'and', true, nonode@nohost, 'é', 'Ω', 'ÿ', 'ß', '÷', 'a÷', 'aÀ', 'a×', 'a\x{80}',
     '\x01', '\x7f', 'a\x7fb', '\x{9f}', '\x{a0}', '\'', '\\', 'a\nb', 'a\fb', 'a\tb',
     'a\rb', 'a\bb', 'a\vb', '\x1b', '\x{1f}', '日本語', 'a日', '𝄞', 'a"b', 'a b',
     list_to_atom(lists:duplicate(255, $x)), list_to_atom(lists:seq(160, 255)),
     list_to_atom(lists:seq(32, 126))].

lists() ->
    ["abc", [], "a\"b\\c\n", "tab\there", "cr\rlf", [7], [127], [128], [159],
     [160, 255], "é", [256], [$a | b], "ab" ++ [300], "\f", " ", ["ab", "cd"],
     [["a"]], [1, 2, 3], [a | b], [1, [2] | 3], [0], [-1], [$a, -1], "\e",
     [1.0, <<>>, {}], lists:seq(1, 100000), lists:duplicate(50000, $q),
     lists:seq(32, 126), lists:seq(0, 255), [[], [[]]], [#{}, #{a => "b"}]].

tuples() ->
    [{}, {a}, {1, 2}, {1, {2, {3}}}, {"s", <<"b">>, 'A'}, list_to_tuple(lists:seq(1, 300)),
     {[], {}, #{}}].

bitstrings() ->
    [<<>>, <<"abc">>, <<"a\"b\\c">>, <<"with space">>, <<1, 2, 3>>, <<"abc", 0>>,
     <<127>>, <<126>>, <<" ">>, <<"~">>, <<"\t">>, <<5:3>>, <<1, 2, 3:4>>,
     <<"ab", 1:1>>, <<0:7>>, <<255:8, 255:7>>, <<"é"/utf8>>,
     list_to_binary(lists:duplicate(100, $x)), list_to_binary(lists:seq(0, 255)),
     list_to_binary([rand:uniform(255) || _ <- lists:seq(1, 1000)]),
     <<(rand:uniform(1 bsl 100)):101>>, {<<"x">>, [<<1:1>>]}].

maps() ->
    Flat = [#{}, #{a => 1}, #{a => 1, b => 2}, #{1 => a, a => 1, "s" => <<"b">>, {} => []},
            #{[] => [], 1.0 => 2, 1 => 1.0}, #{#{a => 1} => #{b => #{}}},
            maps:from_list([{list_to_atom([C]), C} || C <- lists:seq($a, $z)])],
    Ints = [maps:from_list([{I, I * 7} || I <- lists:seq(1, N)])
            || N <- [31, 32, 33, 40, 64, 100, 300]],
    Mixed = [maps:from_list([{key(), value()} || _ <- lists:seq(1, N)])
             || N <- [33, 40, 50, 70, 100]],
    %% leaves of a HAMT print as lists: [K|V], or "a" when V is []
    Leaves = [maps:from_list([{I, []} || I <- lists:seq(60, 120)]),
              maps:from_list([{I, [I, I]} || I <- lists:seq(1, 40)]),
              maps:from_list([{[I], "v"} || I <- lists:seq(97, 140)])],
    Flat ++ Ints ++ Mixed ++ Leaves ++ [[maps:from_list([{I, x} || I <- lists:seq(1, 50)])]].

key() ->
    case rand:uniform(8) of
        1 -> rand:uniform(1000);
        2 -> integer_to_binary(rand:uniform(1000));
        3 -> {rand:uniform(10), rand:uniform(10)};
        4 -> [rand:uniform(300) || _ <- lists:seq(1, rand:uniform(5))];
        5 -> rand:uniform(100) / 8;
        6 -> -rand:uniform(1 bsl 80);
        7 -> <<(rand:uniform(255)):(rand:uniform(12))>>;
        8 -> {rand:uniform(3), [rand:uniform(3) | rand:uniform(3)]}
    end.

value() ->
    case rand:uniform(6) of
        1 -> rand:uniform(1000);
        2 -> [rand:uniform(9)];
        3 -> {v, rand:uniform(9)};
        4 -> <<(rand:uniform(255))>>;
        5 -> #{rand:uniform(3) => ok};
        6 -> "str"
    end.

idents() ->
    Pids = [list_to_pid("<0." ++ integer_to_list(N) ++ "." ++ integer_to_list(S) ++ ">")
            || {N, S} <- [{0, 0}, {1, 0}, {80, 2}, {32767, 8191}]],
    Ports = [list_to_port("#Port<0." ++ integer_to_list(N) ++ ">") || N <- [0, 7, 100000]],
    Refs = [make_ref(), list_to_ref("#Ref<0.1.2.3>"),
            list_to_ref("#Ref<0.3000000000.2147483648.262143>")],
    Local = <<119, 13, "nonode@nohost">>,
    Short = [binary_to_term(<<131, 90, Len:16, Local/binary, 0:32, Ids/binary>>)
             || {Len, Ids} <- [{1, <<5:32>>}, {2, <<6:32, 7:32>>}]],
    Pids ++ Ports ++ Refs ++ Short ++ [{self(), hd(Ports), hd(Refs)}].

funs() ->
    A = 17,
    B = "str",
    [fun() -> ok end, fun(X) -> X + A end, fun() -> {A, B} end,
     fun lists:map/2, fun erlang:'+'/2, fun erlang:self/0,
     erlang:make_fun('no_such_module', 'f', 3), erlang:make_fun('Ω', 'é', 0),
     erlang:make_fun('Elixir.Foo', 'bar baz', 1), erlang:make_fun(a, 'B', 255),
     fun_ext('modé', 5, 123), fun_ext('日本', 0, 2147483647), fun_ext(m, 3, -5),
     [fun() -> A end, fun lists:reverse/1]].

%% A NEW_FUN_EXT for a module that is not loaded (the index doubles as the
%% old index, as erlc makes them).
fun_ext(Module, Index, OldUniq) ->
    Name = atom_to_binary(Module, utf8),
    <<131, Pid/binary>> = term_to_binary(self()),
    Body = <<1, 0:128, Index:32, 0:32, 119, (byte_size(Name)), Name/binary,
             98, Index:32/signed, 98, OldUniq:32/signed, Pid/binary>>,
    binary_to_term(<<131, 112, (byte_size(Body) + 4):32, Body/binary>>).

nested() ->
    Deep = lists:foldl(fun(_, Acc) -> [Acc] end, [], lists:seq(1, 50000)),
    DeepT = lists:foldl(fun(I, Acc) -> {I, Acc} end, {}, lists:seq(1, 50000)),
    [Deep, DeepT, {a, [1, 2], <<3>>, #{k => v}, 1.5, "str", -(1 bsl 70)},
     [{K, V} || K <- [a, b], V <- ["x", <<"y">>, 1.0]]].
