-module(proc_bif_trap).
-export([main/0]).
%% BIFs that do long work in slices (lists:reverse/2) or wait for another
%% process to stop running (process_info/2, garbage_collect/1) give the
%% same results as when done in one go.

main() ->
    L = lists:seq(1, 300000),
    R = lists:reverse(L, [tail]),
    erlang:display({length(R), hd(R), lists:nth(300000, R), lists:last(R)}),
    erlang:display(lists:reverse(L) =:= [N || N <- lists:seq(300000, 1, -1)]),
    erlang:display(apply(lists, reverse, [lists:seq(1, 100000), []]) =:= lists:seq(100000, 1, -1)),
    erlang:display(lists:sum(lists:reverse(lists:seq(1, 1000000)))),
    %% an improper list fails, however long (the arguments in the stack
    %% trace are those of the slice that found the end, in OTP too)
    erlang:display(case catch lists:reverse(lists:seq(1, 100000) ++ improper, []) of
                       {'EXIT', {badarg, [{lists, reverse, [_, _], _} | _]}} -> badarg
                   end),
    %% binary_to_list/1 of a large binary, in slices with state
    Bin = list_to_binary([I rem 256 || I <- lists:seq(1, 2000000)]),
    BL = binary_to_list(Bin),
    erlang:display({length(BL), lists:sum(BL), lists:sublist(BL, 3), lists:nthtail(1999997, BL)}),
    erlang:display(list_to_binary(BL) =:= Bin),
    erlang:display(apply(erlang, binary_to_list, [Bin]) =:= BL),
    Sub = binary:part(Bin, 12345, 1000000),
    erlang:display(binary_to_list(Sub) =:= lists:sublist(BL, 12346, 1000000)),
    %% list_to_binary/1, iolist_to_binary/1, list_to_bitstring/1 of long
    %% and deep lists, walked in slices
    IoL = [[I rem 256, [<<I:16>>], "ab"] || I <- lists:seq(1, 300000)],
    B1 = list_to_binary(IoL),
    erlang:display({byte_size(B1), erlang:md5(B1)}),
    erlang:display(iolist_to_binary([IoL, <<"end">> | <<"tail">>]) =:= <<B1/binary, "endtail">>),
    B2 = list_to_bitstring([<<1:3>> | [[<<I:5>>, I rem 256] || I <- lists:seq(1, 200000)]]),
    erlang:display({bit_size(B2), erlang:md5(<<B2/bitstring, 0:(8 - bit_size(B2) rem 8)>>)}),
    erlang:display(case catch list_to_binary(lists:seq(1, 200000)) of
                       {'EXIT', {badarg, [{erlang, list_to_binary, [L2b], _} | _]}} ->
                           {badarg, length(L2b)}
                   end),
    erlang:display(catch iolist_size(IoL)),
    %% term_to_binary/1,2 of large terms, encoded in slices
    Deep = [{I, integer_to_list(I), <<I:32>>, #{k => I, l => [I, I + 0.5]}} || I <- lists:seq(1, 200000)],
    E1 = term_to_binary(Deep),
    erlang:display({byte_size(E1), erlang:md5(E1)}),
    erlang:display(binary_to_term(E1) =:= Deep),
    E2 = term_to_binary(Deep, [{minor_version, 2}, deterministic]),
    erlang:display({byte_size(E2), erlang:md5(E2)}),
    E3 = term_to_binary(lists:seq(1, 500000), [compressed]),
    erlang:display({byte_size(E3), erlang:md5(E3)}),
    erlang:display(apply(erlang, term_to_binary, [Deep]) =:= E1),
    %% several processes reversing at once, each getting its own answer
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), lists:sum(lists:reverse(lists:seq(1, 200000 + I)))
                                    + lists:sum(binary_to_list(binary:copy(<<I>>, 300000)))
                                    + byte_size(term_to_binary(lists:duplicate(300000, {I})))} end)
            || I <- lists:seq(1, 8)],
    erlang:display([receive {P, S} -> S end || P <- Pids]),
    %% process_info and garbage_collect on a process that keeps running
    Busy = spawn(fun() -> spin(0) end),
    Infos = [element(1, process_info(Busy, reductions)) || _ <- lists:seq(1, 50)],
    erlang:display(lists:usort(Infos)),
    erlang:display(lists:usort([garbage_collect(Busy) || _ <- lists:seq(1, 20)])),
    exit(Busy, kill),
    ok.

%% runs until killed
spin(N) -> spin(N + 1).
